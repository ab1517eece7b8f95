import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sameBytes, type SigningKey } from './self-service-token';

/**
 * What protects the page's forms. Each form the page renders carries a fresh nonce and a CSRF
 * token: an HMAC over the page's token id, the form's action and the nonce, so that a form posted
 * from another site (which cannot read the page) or to another debtor's link is refused. The
 * nonce also names the submission: posting the same rendered form twice gives the same
 * submission key, which the use case records once.
 */
export interface FormGuard {
  nonce: string;
  csrf: string;
}

/** A form stays valid this long after the page was shown: long enough to fill in, short enough to expire. */
export const FORM_VALID_SECONDS = 24 * 3600;

export function guardForm(key: SigningKey, tokenId: string, action: string, now: Date): FormGuard {
  const nonce = `${Math.floor(now.getTime() / 1000).toString(36)}-${randomBytes(12).toString('base64url')}`;
  return { nonce, csrf: csrfOf(key, tokenId, action, nonce) };
}

export type FormCheck = { valid: true } | { valid: false; reason: 'malformed' | 'bad_csrf' | 'stale' };

/** Checks a posted form's nonce and CSRF token against the link it was posted to, in constant time. */
export function checkForm(
  keys: readonly SigningKey[],
  tokenId: string,
  action: string,
  posted: Partial<FormGuard>,
  now: Date,
): FormCheck {
  const { nonce, csrf } = posted;
  if (!nonce || !csrf || !/^[0-9a-z]{1,10}-[A-Za-z0-9_-]{16}$/.test(nonce)) {
    return { valid: false, reason: 'malformed' };
  }
  const matches = keys.some((key) => sameBytes(csrf, csrfOf(key, tokenId, action, nonce)));
  if (!matches) return { valid: false, reason: 'bad_csrf' };
  const shownAt = Number.parseInt(nonce.split('-')[0]!, 36);
  if (now.getTime() / 1000 - shownAt > FORM_VALID_SECONDS) return { valid: false, reason: 'stale' };
  return { valid: true };
}

/** The key under which a submission is recorded once: the link and the form's nonce, hashed. */
export function submissionKey(tokenId: string, nonce: string): string {
  return createHash('sha256').update(`${tokenId}|${nonce}`).digest('base64url').slice(0, 32);
}

function csrfOf(key: SigningKey, tokenId: string, action: string, nonce: string): string {
  return createHmac('sha256', key.secret).update(`csrf|${tokenId}|${action}|${nonce}`).digest('base64url');
}
