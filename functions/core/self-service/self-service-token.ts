import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The debtor's link to their own page: `<debtor>.<expiry>.<key id>.<signature>`, each part in
 * URL-safe characters (base64url, base 36), so the token fits in a path segment and an email line.
 * The signature is HMAC-SHA256 over the version and the three parts; the key id names which key
 * signed it, so that a rotated key can still verify the links already sent until they expire.
 */
export interface SelfServiceClaims {
  debtorId: string;
  /** Epoch seconds after which the link shows the error page. */
  expiresAt: number;
}

/** One signing key: its secret and a short id derived from it (never the secret itself). */
export interface SigningKey {
  id: string;
  secret: Buffer;
}

export type TokenCheck =
  | { valid: true; claims: SelfServiceClaims; tokenId: string }
  | { valid: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' };

const VERSION = 'v1';
const PART = /^[A-Za-z0-9_-]+$/;
/** Whole tokens are short; anything longer is not one of ours, and is not hashed at all. */
const MAX_TOKEN_LENGTH = 512;

/** A key as Secrets Manager (or the local store) holds it: at least 32 characters of secret. */
export function signingKey(secret: string): SigningKey {
  if (secret.length < 32) throw new RangeError('a self-service signing key needs at least 32 characters');
  const bytes = Buffer.from(secret, 'utf8');
  // Six characters of the key's hash: enough to tell the current key from the previous one.
  const id = createHash('sha256').update(bytes).digest('base64url').slice(0, 6);
  return { id, secret: bytes };
}

export function signToken(claims: SelfServiceClaims, key: SigningKey): string {
  const body = [
    Buffer.from(claims.debtorId, 'utf8').toString('base64url'),
    claims.expiresAt.toString(36),
    key.id,
  ].join('.');
  return `${body}.${mac(key, body)}`;
}

/**
 * Checks a token against the keys that may have signed it (the current one and the previous).
 * The signature is compared in constant time; the expiry only after the signature, so that a
 * forged token learns nothing about dates. `tokenId` identifies the token for rate limits and
 * form protection without storing the token itself.
 */
export function verifyToken(token: string, keys: readonly SigningKey[], now: Date): TokenCheck {
  if (token.length > MAX_TOKEN_LENGTH) return { valid: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 4 || !parts.every((part) => PART.test(part)))
    return { valid: false, reason: 'malformed' };
  const [debtorPart, expiryPart, keyId, signature] = parts as [string, string, string, string];
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) return { valid: false, reason: 'unknown_key' };
  const body = `${debtorPart}.${expiryPart}.${keyId}`;
  if (!sameBytes(signature, mac(key, body))) return { valid: false, reason: 'bad_signature' };
  const expiresAt = Number.parseInt(expiryPart, 36);
  const debtorId = Buffer.from(debtorPart, 'base64url').toString('utf8');
  if (!Number.isSafeInteger(expiresAt) || debtorId === '') return { valid: false, reason: 'malformed' };
  if (now.getTime() >= expiresAt * 1000) return { valid: false, reason: 'expired' };
  return { valid: true, claims: { debtorId, expiresAt }, tokenId: signature.slice(0, 22) };
}

/** The expiry of a link signed now that lasts `days`. */
export function expiryAfter(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + days * 86_400;
}

function mac(key: SigningKey, body: string): string {
  return createHmac('sha256', key.secret).update(`${VERSION}.${body}`).digest('base64url');
}

/** Constant-time equality of two base64url strings of any length. */
export function sameBytes(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing with itself keeps the time independent of `a`.
  if (left.length !== right.length) {
    timingSafeEqual(right, right);
    return false;
  }
  return timingSafeEqual(left, right);
}
