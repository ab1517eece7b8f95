import { type PaymentHistory, trendStart } from './payment-history';
import type { ScoreWeights } from './score-rules';

export type ScoreFactorName =
  'paid_on_time' | 'days_late' | 'trend' | 'broken_promises' | 'disputes_lost' | 'plans_broken';

export interface ScoreFactor {
  factor: ScoreFactorName;
  points: number;
  /** In words a controller understands: "9 of 10 invoices paid on time". */
  detail: string;
}

/** A debtor's payment-behaviour score, 0 (worst) to 100 (best), and every factor that makes it up. */
export interface PaymentScore {
  value: number;
  factors: ScoreFactor[];
  /** The day it was worked out (the last fact's day): the trend counts the six months up to it. */
  asOf: string;
  /** The version of the score rules it was weighed with. */
  rulesVersion: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Weighs the debtor's history. A factor without history to judge by (no invoice paid yet, none in
 * the last six months) gives half its points, so a new debtor starts in the middle, not at the top.
 * Every factor is listed, with 0 points where it adds nothing, so the factors explain the whole
 * score; the value is their sum, rounded and kept within 0–100.
 */
export function paymentScore(
  counters: { invoicesPaid: number; invoicesPaidLate: number; totalDaysLate: number },
  history: PaymentHistory,
  weights: ScoreWeights,
  asOf: string,
  rulesVersion: number,
): PaymentScore {
  const factors: ScoreFactor[] = [];
  const add = (factor: ScoreFactorName, points: number, detail: string) =>
    // `|| 0` turns -0 (no penalty) into 0.
    factors.push({ factor, points: Math.round(points * 10) / 10 || 0, detail });
  const paid = counters.invoicesPaid;
  const onTime = paid - counters.invoicesPaidLate;

  if (paid === 0) {
    add('paid_on_time', weights.paidOnTime / 2, 'no invoice paid yet');
    add('days_late', weights.daysLate / 2, 'no invoice paid yet');
  } else {
    add('paid_on_time', weights.paidOnTime * (onTime / paid), `${onTime} of ${paid} invoices paid on time`);
    const amountPaid = history.amountPaid;
    // Debtors stored before amounts were kept: the plain average until an amount arrives.
    const averageDaysLate =
      amountPaid > 0 ? history.amountDaysLate / amountPaid : counters.totalDaysLate / paid;
    const cap = Math.max(1, weights.daysLateForNothing);
    add(
      'days_late',
      weights.daysLate * Math.max(0, 1 - averageDaysLate / cap),
      `${averageDaysLate.toFixed(1)} days late on average, weighted by amount`,
    );
  }

  const start = trendStart(asOf);
  const recent = history.months.filter((tally) => tally.month >= start && tally.month <= asOf.slice(0, 7));
  const recentPaid = recent.reduce((sum, tally) => sum + tally.paid, 0);
  const recentOnTime = recent.reduce((sum, tally) => sum + tally.onTime, 0);
  if (recentPaid === 0) {
    add('trend', weights.trend / 2, 'no invoice paid in the last six months');
  } else {
    const share = recentOnTime / recentPaid;
    const overall = paid > 0 ? onTime / paid : share;
    const direction = share > overall ? 'better than' : share < overall ? 'worse than' : 'as';
    add(
      'trend',
      weights.trend * share,
      `${recentOnTime} of ${recentPaid} paid on time in the last six months (${percent(share)}, ${direction} ${percent(overall)} overall)`,
    );
  }

  const brokenPromises = history.brokenPromises;
  add(
    'broken_promises',
    -weights.perBrokenPromise * brokenPromises,
    `${brokenPromises} promises to pay broken`,
  );
  const disputesLost = history.disputesLost;
  add(
    'disputes_lost',
    -weights.perDisputeLost * disputesLost,
    `${disputesLost} disputes resolved against the debtor`,
  );
  const plansBroken = history.plansBroken;
  add('plans_broken', -weights.perPlanBroken * plansBroken, `${plansBroken} payment plans broken`);

  const sum = factors.reduce((total, factor) => total + factor.points, 0);
  return { value: Math.max(0, Math.min(100, Math.round(sum))), factors, asOf, rulesVersion };
}
