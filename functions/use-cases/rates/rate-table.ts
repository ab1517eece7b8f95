import { SEED_STATUTORY_RATES, type StatutoryRate } from '../../core/legal/statutory-rates';
import type { CreditStore } from '../../ports/credit-store';

/**
 * The seed rates count as version 1, as the seed policies do, so that an admin who edits them
 * sends version 1 and the first table stored is version 2.
 */
export const SEED_RATES_VERSION = 1;

/** GET /rates: the table claims are computed with; `updatedAt` and `updatedBy` once an admin stored one. */
export interface RateTable {
  rates: readonly StatutoryRate[];
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * The stored table, or the seed rates (docs/legal-rules.md) until an admin stores one. The seed is not
 * written on read: readers (every claim) need no write permission, and the seed lives in code.
 */
export async function currentRateTable(store: Pick<CreditStore, 'getStatutoryRates'>): Promise<RateTable> {
  return (await store.getStatutoryRates()) ?? { rates: SEED_STATUTORY_RATES, version: SEED_RATES_VERSION };
}
