import type { SigningKey } from '../core/self-service/self-service-token';

/**
 * The keys of the debtors' links: links are signed with the current key and verified with the
 * current and the previous one, so that rotating the key (Secrets Manager's AWSCURRENT and
 * AWSPREVIOUS) keeps the links already sent working until they expire.
 */
export interface SelfServiceKeys {
  current(): Promise<SigningKey>;
  /** The current key first, then the previous one if there is one. */
  verifying(): Promise<SigningKey[]>;
}
