import { describe, expect, it } from 'vitest';
import {
  historyWithAdverse,
  historyWithPayment,
  NO_HISTORY,
  type PaymentHistory,
} from '../../../functions/core/score/payment-history';
import { paymentScore } from '../../../functions/core/score/payment-score';
import { DEFAULT_SCORE_RULES } from '../../../functions/core/score/score-rules';

const weights = DEFAULT_SCORE_RULES.weights;

/** Counters and history after paying invoices of `amount` cents, each `daysLate` days after its due date. */
function paid(payments: readonly { daysLate: number; amount?: number; month?: string }[]) {
  let history: PaymentHistory = NO_HISTORY;
  const counters = { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0 };
  for (const { daysLate, amount = 100_00, month = '2026-03' } of payments) {
    const dueDate = `${month}-01`;
    const paidOn = `${month}-${String(1 + daysLate).padStart(2, '0')}`;
    history = historyWithPayment(history, { dueDate, paidOn, amount });
    counters.invoicesPaid += 1;
    counters.invoicesPaidLate += daysLate > 0 ? 1 : 0;
    counters.totalDaysLate += daysLate;
  }
  return { counters, history };
}

describe('the payment-behaviour score', () => {
  it('gives a debtor who paid every invoice on time 100, every factor explained', () => {
    const { counters, history } = paid(Array.from({ length: 4 }, () => ({ daysLate: 0 })));
    const score = paymentScore(counters, history, weights, '2026-03-20', 1);
    expect(score.value).toBe(100);
    expect(score.factors).toEqual([
      { factor: 'paid_on_time', points: 45, detail: '4 of 4 invoices paid on time' },
      { factor: 'days_late', points: 35, detail: '0.0 days late on average, weighted by amount' },
      {
        factor: 'trend',
        points: 20,
        detail: '4 of 4 paid on time in the last six months (100%, as 100% overall)',
      },
      { factor: 'broken_promises', points: 0, detail: '0 promises to pay broken' },
      { factor: 'disputes_lost', points: 0, detail: '0 disputes resolved against the debtor' },
      { factor: 'plans_broken', points: 0, detail: '0 payment plans broken' },
    ]);
  });

  it('starts a debtor without history in the middle, at 50', () => {
    const score = paymentScore(
      { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0 },
      NO_HISTORY,
      weights,
      '2026-03-20',
      1,
    );
    expect(score.value).toBe(50);
    expect(score.factors[0]).toEqual({ factor: 'paid_on_time', points: 22.5, detail: 'no invoice paid yet' });
  });

  it('weighs days late by amount: a large invoice paid 15 days late counts more than a small one paid on time', () => {
    const { counters, history } = paid([
      { daysLate: 15, amount: 900_00 },
      { daysLate: 0, amount: 100_00 },
    ]);
    const score = paymentScore(counters, history, weights, '2026-03-20', 1);
    expect(score.factors.find((f) => f.factor === 'days_late')).toEqual({
      factor: 'days_late',
      // 13.5 days on average by amount, of 30 for nothing: 35 × (1 − 13.5 / 30).
      points: 19.3,
      detail: '13.5 days late on average, weighted by amount',
    });
  });

  it('takes points off per broken promise, dispute lost and broken plan', () => {
    const { counters, history } = paid([{ daysLate: 0 }]);
    const worse = historyWithAdverse(
      historyWithAdverse(historyWithAdverse(history, 'promise_broken'), 'dispute_lost'),
      'plan_broken',
    );
    const score = paymentScore(counters, worse, weights, '2026-03-20', 1);
    expect(score.value).toBe(100 - 10 - 5 - 15);
    expect(score.factors.filter((f) => f.points < 0).map((f) => f.detail)).toEqual([
      '1 promises to pay broken',
      '1 disputes resolved against the debtor',
      '1 payment plans broken',
    ]);
  });

  it('counts the trend over the six months up to the day of the score only', () => {
    const { counters, history } = paid([
      { daysLate: 20, month: '2025-06' },
      { daysLate: 20, month: '2025-07' },
      { daysLate: 0, month: '2026-02' },
      { daysLate: 0, month: '2026-03' },
    ]);
    const trend = paymentScore(counters, history, weights, '2026-03-20', 1).factors.find(
      (f) => f.factor === 'trend',
    );
    expect(trend).toEqual({
      factor: 'trend',
      points: 20,
      detail: '2 of 2 paid on time in the last six months (100%, better than 50% overall)',
    });
  });

  it('ends a run of invoices paid on time with a late payment or an adverse fact', () => {
    const { history } = paid([{ daysLate: 0 }, { daysLate: 0 }]);
    expect(history.onTimeInRow).toBe(2);
    expect(
      historyWithPayment(history, { dueDate: '2026-03-01', paidOn: '2026-03-02', amount: 1 }).onTimeInRow,
    ).toBe(0);
    expect(historyWithAdverse(history, 'promise_broken').onTimeInRow).toBe(0);
  });

  it('keeps only six months of tallies, so each fact costs the same', () => {
    const { history } = paid(
      ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'].map(
        (month) => ({
          daysLate: 0,
          month,
        }),
      ),
    );
    expect(history.months.map((m) => m.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
    ]);
  });
});
