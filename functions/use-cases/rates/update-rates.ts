import { checkStatutoryRateTable, type StatutoryRate } from '../../core/legal/statutory-rates';
import {
  ConcurrentModificationError,
  type CreditStore,
  type StatutoryRateTable,
} from '../../ports/credit-store';
import { conflict, invalid } from '../refusal';
import { SEED_RATES_VERSION } from './rate-table';

export interface RateTableEdit {
  rates: StatutoryRate[];
  /** The version the admin edited. */
  version: number;
}

/**
 * PUT /rates: stores the admin's table as the next version. The body's fields were checked one
 * by one by the request schema (so a 400 names each bad field); the core then judges the table
 * as a whole, and what it finds (two rates of a kind that overlap) is named against `rates`,
 * with the dates in the message. An edit of an older version than the current one is refused, so
 * a colleague's change is never overwritten unseen.
 */
export async function updateRates(
  store: Pick<CreditStore, 'getStatutoryRates' | 'putStatutoryRates'>,
  edit: RateTableEdit,
  admin: string,
  now: Date,
): Promise<StatutoryRateTable> {
  const stored = await store.getStatutoryRates();
  const currentVersion = stored?.version ?? SEED_RATES_VERSION;
  if (edit.version !== currentVersion) {
    throw conflict(`The rate table is at version ${currentVersion}; you edited version ${edit.version}.`);
  }
  const problems = checkStatutoryRateTable(edit.rates);
  if (problems.length > 0) {
    throw invalid(
      problems.map((message) => ({ path: 'rates', message })),
      'The rate table cannot be used as it is.',
    );
  }
  const table: StatutoryRateTable = {
    version: currentVersion + 1,
    rates: edit.rates,
    updatedAt: now.toISOString(),
    updatedBy: admin,
  };
  try {
    await store.putStatutoryRates(table, stored?.version ?? null);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict('The rate table was changed by someone else meanwhile; reload it and try again.');
    }
    throw error;
  }
  return table;
}
