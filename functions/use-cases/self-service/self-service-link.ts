import { expiryAfter, signToken } from '../../core/self-service/self-service-token';
import type { Clock } from '../../ports/clock';
import type { SelfServiceKeys } from '../../ports/self-service-keys';

export interface SelfServiceLinkSettings {
  /** The public address the API is served at, e.g. `https://api.example.com/prod`. */
  baseUrl: string;
  /** How many days a link lasts. */
  validDays: number;
}

/**
 * The debtor's link to their page, as every letter prints it: signed with the current key, valid
 * for the configured days from the letter's moment.
 */
export function selfServiceLinks(
  keys: SelfServiceKeys,
  clock: Clock,
  settings: SelfServiceLinkSettings,
): (debtorId: string) => Promise<string> {
  const base = settings.baseUrl.replace(/\/+$/, '');
  return async (debtorId) => {
    const token = signToken(
      { debtorId, expiresAt: expiryAfter(clock.now(), settings.validDays) },
      await keys.current(),
    );
    return `${base}/self-service/${token}`;
  };
}
