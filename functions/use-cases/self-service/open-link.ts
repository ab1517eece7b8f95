import { overLimit, rateWindow } from '../../core/self-service/rate-limit';
import { type SigningKey, verifyToken } from '../../core/self-service/self-service-token';
import type { DebtorRecord } from '../../ports/credit-store';
import type { SelfServiceDeps } from './self-service-deps';

/** Why a link shows an error page instead of the debtor's page. */
export type LinkProblem = 'invalid' | 'expired' | 'rate_limited';

/** A link that cannot be served: the page names the problem and shows no data. */
export class LinkRefused extends Error {
  constructor(readonly problem: LinkProblem) {
    super(`self-service link refused: ${problem}`);
    this.name = 'LinkRefused';
  }
}

export interface OpenedLink {
  debtor: DebtorRecord;
  /** Identifies the link without being it: rate limits, form protection, submissions. */
  tokenId: string;
  /** The keys that verify links, the current one first: forms are protected with the same. */
  keys: SigningKey[];
}

/**
 * Opens a debtor's link: the signature (constant time) and the expiry first, then the request is
 * counted against the link's hourly limit, then the debtor is read. Nothing is read or stored for
 * a tampered or expired link.
 */
export async function openLink(deps: SelfServiceDeps, token: string): Promise<OpenedLink> {
  const keys = await deps.keys.verifying();
  const now = deps.clock.now();
  const check = verifyToken(token, keys, now);
  if (!check.valid) throw new LinkRefused(check.reason === 'expired' ? 'expired' : 'invalid');
  const window = rateWindow(now);
  const count = await deps.records.countRequest(check.tokenId, window.hour, window.expiresAt);
  if (overLimit(count, deps.settings.rateLimitPerHour)) throw new LinkRefused('rate_limited');
  const debtor = await deps.store.getDebtor(check.claims.debtorId);
  // A debtor the invoicing system removed: the link no longer leads anywhere.
  if (!debtor) throw new LinkRefused('invalid');
  return { debtor, tokenId: check.tokenId, keys };
}
