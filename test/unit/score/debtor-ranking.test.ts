import { describe, expect, it } from 'vitest';
import { debtorRankingQuery, scoreRulesBody } from '../../../functions/api/schemas/score-schemas';
import { overdueMoves } from '../../../functions/core/ledger/debtor-overdue';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';
import type { StoreWrite } from '../../../functions/ports/credit-store';
import { euros as units, toCsv as csv } from '../../../functions/core/reports/csv';
import { debtorRankingCsv, rankDebtors } from '../../../functions/use-cases/score/debtor-ranking';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const clock = { now: () => new Date('2026-03-16T09:00:00Z') };
const score = (value: number) => ({ value, factors: [], asOf: '2026-03-16', rulesVersion: 1 });

async function portfolio() {
  const store = new InMemoryCreditStore();
  const korenschoof = debtorRecord({ name: 'Bakkerij De Korenschoof B.V.', score: score(34) });
  const molen = debtorRecord({ name: 'Molen "De Hoop", Zaandam', score: score(81) });
  const formula = debtorRecord({ name: '=HYPERLINK("x")' });
  const writes: StoreWrite[] = [korenschoof, molen, formula].map((debtor) => ({
    kind: 'putDebtor',
    debtor,
    expectedVersion: null,
  }));
  const overdue = (debtorId: string, openAmount: number, currency = 'EUR'): StoreWrite => ({
    kind: 'putInvoice',
    invoice: invoiceRecord({ debtorId, status: 'overdue', openAmount, currency }),
    expectedVersion: null,
  });
  await store.commit([
    ...writes,
    overdue(korenschoof.id, 1_200_00),
    overdue(molen.id, 3_000_00),
    overdue(molen.id, 450_50),
    overdue(formula.id, 10_00),
    overdue(korenschoof.id, 99_999_00, 'USD'),
  ]);
  return { store, korenschoof, molen, formula };
}

describe('the debtor ranking', () => {
  it('ranks the debtors by their overdue amount in the currency asked, largest first', async () => {
    const { store, korenschoof, molen } = await portfolio();

    const ranking = await rankDebtors({ store, clock }, { sort: 'overdue', limit: 2, currency: 'EUR' });

    expect(ranking.debtors).toEqual([
      {
        rank: 1,
        debtorId: molen.id,
        name: molen.name,
        overdue: { amount: 3_450_50, currency: 'EUR' },
        score: 81,
      },
      {
        rank: 2,
        debtorId: korenschoof.id,
        name: korenschoof.name,
        overdue: { amount: 1_200_00, currency: 'EUR' },
        score: 34,
      },
    ]);
    expect(ranking.definitions.overdue).toContain('status overdue');
  });

  it('ranks the debtors by their payment score, worst first, with what they have overdue', async () => {
    const { store, korenschoof, molen } = await portfolio();

    const ranking = await rankDebtors({ store, clock }, { sort: 'score', limit: 10, currency: 'USD' });

    expect(ranking.debtors.map((row) => [row.debtorId, row.score, row.overdue.amount])).toEqual([
      [korenschoof.id, 34, 99_999_00],
      [molen.id, 81, 0],
    ]);
  });

  it('writes CSV a spreadsheet opens: a header, euros with two decimals, quoted names, no formulas', async () => {
    const { store, korenschoof, molen, formula } = await portfolio();
    const ranking = await rankDebtors({ store, clock }, { sort: 'overdue', limit: 10, currency: 'EUR' });

    expect(debtorRankingCsv(ranking).split('\r\n')).toEqual([
      'rank,debtorId,name,currency,overdue,score',
      `1,${molen.id},"Molen ""De Hoop"", Zaandam",EUR,3450.50,81`,
      `2,${korenschoof.id},Bakkerij De Korenschoof B.V.,EUR,1200.00,34`,
      `3,${formula.id},"'=HYPERLINK(""x"")",EUR,10.00,`,
      '',
    ]);
    expect([units(5), units(100), units(-1_234_56)]).toEqual(['0.05', '1.00', '-1234.56']);
    // A negative number is a number, not a formula; text that starts like one is not run.
    expect(csv(['a'], [['-1'], ['-1+1']])).toBe("a\r\n-1\r\n'-1+1\r\n");
  });

  it('reads the ranking query with its defaults, and names the field of a bad value', () => {
    expect(debtorRankingQuery.parse({})).toEqual({ sort: 'overdue', limit: 10, currency: 'EUR' });
    const bad = debtorRankingQuery.safeParse({ sort: 'name', limit: '500' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['sort', 'limit']);
  });
});

describe("an invoice write's move of the debtor's overdue amount", () => {
  const invoice = invoiceRecord({ status: 'overdue', openAmount: 500_00 });

  it('counts an invoice from the write that makes it overdue, and no more once it is paid', () => {
    expect(overdueMoves([{ invoice, expectedVersion: 1 }])).toEqual([
      { debtorId: invoice.debtorId, currency: 'EUR', delta: 500_00 },
    ]);
    const counted = { ...invoice, overdueCounted: 500_00 };
    expect(
      overdueMoves([{ invoice: { ...counted, openAmount: 0, status: 'paid' }, expectedVersion: 2 }]),
    ).toEqual([{ debtorId: invoice.debtorId, currency: 'EUR', delta: -500_00 }]);
    expect(overdueMoves([{ invoice: counted, expectedVersion: 2 }])).toEqual([]);
  });

  it('adds up the invoices of one debtor and currency into one move, and leaves out what nets to nothing', () => {
    const other = invoiceRecord({
      debtorId: invoice.debtorId,
      status: 'paid',
      openAmount: 0,
      overdueCounted: 500_00,
    });
    expect(
      overdueMoves([
        { invoice, expectedVersion: null },
        { invoice: other, expectedVersion: 3 },
      ]),
    ).toEqual([]);
  });
});

describe('the score rules a manager stores', () => {
  const body = {
    expectedVersion: 1,
    weights: DEFAULT_SCORE_RULES.weights,
    segments: DEFAULT_SCORE_RULES.segments,
    reward: DEFAULT_SCORE_RULES.reward,
  };

  it('accepts the defaults, and names the field of each bad value', () => {
    expect(scoreRulesBody.safeParse(body).success).toBe(true);
    const bad = scoreRulesBody.safeParse({
      ...body,
      weights: { ...body.weights, trend: 30, perBrokenPromise: -1 },
      segments: { ...body.segments, goodPayerOnTimeInRow: 0 },
      reward: { kind: 'voucher', percent: 2, description: 'x' },
    });
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['weights.perBrokenPromise', 'must not be negative'],
        ['segments.goodPayerOnTimeInRow', 'must be at least 1'],
        ['reward.kind', expect.any(String)],
      ]),
    );
    const sum = scoreRulesBody.safeParse({ ...body, weights: { ...body.weights, trend: 30 } });
    expect(sum.error?.issues).toEqual([
      expect.objectContaining({
        path: ['weights', 'paidOnTime'],
        message:
          'paidOnTime, daysLate and trend must add up to 100, so that a perfect payer scores 100; they add up to 110',
      }),
    ]);
  });
});
