import { describe, expect, it } from 'vitest';
import { rateTableBody } from '../../../functions/api/schemas/claim-schemas';
import { SEED_STATUTORY_RATES, type StatutoryRate } from '../../../functions/core/legal/statutory-rates';
import {
  ConcurrentModificationError,
  type CreditStore,
  type StatutoryRateTable,
} from '../../../functions/ports/credit-store';
import { currentRateTable } from '../../../functions/use-cases/rates/rate-table';
import { updateRates } from '../../../functions/use-cases/rates/update-rates';
import { Refusal } from '../../../functions/use-cases/refusal';

/** The two store methods the rate table uses, with the store's optimistic locking. */
class RateStore implements Pick<CreditStore, 'getStatutoryRates' | 'putStatutoryRates'> {
  latest: StatutoryRateTable | undefined;
  readonly versions: StatutoryRateTable[] = [];

  async getStatutoryRates() {
    return this.latest;
  }

  async putStatutoryRates(table: StatutoryRateTable, expectedVersion: number | null) {
    if ((this.latest?.version ?? null) !== expectedVersion) throw new ConcurrentModificationError();
    this.versions.push(table);
    this.latest = table;
  }
}

const consumerFirstHalf2027: StatutoryRate = {
  kind: 'consumer',
  effectiveFrom: '2027-01-01',
  effectiveThrough: '2027-06-30',
  ratePercent: 4,
  verified: true,
};

const NOW = new Date('2027-01-02T09:00:00Z');

function issuesOf(body: unknown): { path: string; message: string }[] {
  const result = rateTableBody.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('the statutory rate table an admin keeps', () => {
  it('is the seed rates of docs/legal-rules.md, version 1, until an admin stores a table', async () => {
    expect(await currentRateTable(new RateStore())).toEqual({ rates: SEED_STATUTORY_RATES, version: 1 });
  });

  it('names the bad field of each bad rate', () => {
    const rates = [...SEED_STATUTORY_RATES];
    rates[0] = { ...rates[0]!, kind: 'statutory' as StatutoryRate['kind'] };
    rates[1] = { ...rates[1]!, effectiveFrom: '2023-13-01' };
    rates[2] = { ...rates[2]!, effectiveThrough: '2019-12-31' };
    rates[3] = { ...rates[3]!, ratePercent: 120 };
    rates[4] = { ...rates[4]!, ratePercent: 11.15001 };

    expect(issuesOf({ rates, version: 1 })).toEqual([
      expect.objectContaining({ path: 'rates.0.kind' }),
      { path: 'rates.1.effectiveFrom', message: 'must be a calendar date YYYY-MM-DD' },
      { path: 'rates.2.effectiveThrough', message: 'must not be before effectiveFrom' },
      { path: 'rates.3.ratePercent', message: 'must be between 0 and 100' },
      { path: 'rates.4.ratePercent', message: 'must have at most 4 decimals' },
    ]);
  });

  it('needs the version the admin edited', () => {
    expect(issuesOf({ rates: [...SEED_STATUTORY_RATES] })).toEqual([
      expect.objectContaining({ path: 'version' }),
    ]);
  });

  it('stores an edit of the seed as version 2, by whom and when', async () => {
    const store = new RateStore();

    const stored = await updateRates(
      store,
      { rates: [...SEED_STATUTORY_RATES, consumerFirstHalf2027], version: 1 },
      'admin-sub',
      NOW,
    );

    expect(stored).toMatchObject({
      version: 2,
      updatedBy: 'admin-sub',
      updatedAt: '2027-01-02T09:00:00.000Z',
    });
    expect(await currentRateTable(store)).toEqual(stored);
  });

  it('refuses two rates of one kind for the same days, naming both', async () => {
    const overlapping = { ...consumerFirstHalf2027, effectiveFrom: '2026-12-01' };

    const attempt = updateRates(
      new RateStore(),
      { rates: [...SEED_STATUTORY_RATES, overlapping], version: 1 },
      'admin-sub',
      NOW,
    );

    await expect(attempt).rejects.toBeInstanceOf(Refusal);
    await expect(attempt).rejects.toMatchObject({
      kind: 'invalid',
      code: 'validation_failed',
      issues: [
        {
          path: 'rates',
          message: 'consumer rates from 2026-07-01 and 2026-12-01 overlap (the first runs until 2026-12-31)',
        },
      ],
    });
  });

  it('refuses an edit of a version that is no longer the current one', async () => {
    const store = new RateStore();
    await updateRates(store, { rates: [...SEED_STATUTORY_RATES], version: 1 }, 'admin-1', NOW);

    const stale = updateRates(store, { rates: [consumerFirstHalf2027], version: 1 }, 'admin-2', NOW);

    await expect(stale).rejects.toBeInstanceOf(Refusal);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    await expect(stale).rejects.toThrow('The rate table is at version 2; you edited version 1.');
    expect(store.versions).toHaveLength(1);
  });

  it('refuses an edit when a colleague stored the same version a moment earlier', async () => {
    const racing = {
      getStatutoryRates: async () => undefined,
      putStatutoryRates: async () => {
        throw new ConcurrentModificationError();
      },
    };

    await expect(
      updateRates(racing, { rates: [...SEED_STATUTORY_RATES], version: 1 }, 'admin-2', NOW),
    ).rejects.toThrow('The rate table was changed by someone else meanwhile; reload it and try again.');
  });
});
