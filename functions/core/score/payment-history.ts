import { daysBetween } from '../calendar/calendar-date';

/** Invoices paid in one calendar month (`YYYY-MM`, the business time zone), and how many on time. */
export interface MonthTally {
  month: string;
  paid: number;
  onTime: number;
}

/**
 * What the score needs beyond the payment behaviour's counters, kept on the debtor and updated as
 * each fact happens (a constant amount of work per fact). A debtor stored before it was kept has
 * none, which reads as `NO_HISTORY`.
 */
export interface PaymentHistory {
  /** Invoices paid on time since the last late payment, broken promise, lost dispute or broken plan. */
  onTimeInRow: number;
  /** Sum of the paid invoices' totals in cents (whatever their currency: a weight, not money). */
  amountPaid: number;
  /** Sum of each paid invoice's total times its days late: the amount-weighted days late. */
  amountDaysLate: number;
  brokenPromises: number;
  disputesLost: number;
  plansBroken: number;
  /** The months with a payment, oldest first; only the last six are kept. */
  months: MonthTally[];
}

export const NO_HISTORY: PaymentHistory = {
  onTimeInRow: 0,
  amountPaid: 0,
  amountDaysLate: 0,
  brokenPromises: 0,
  disputesLost: 0,
  plansBroken: 0,
  months: [],
};

/** A fact that counts against the debtor: it ends a run of invoices paid on time. */
export type AdverseFact = 'promise_broken' | 'dispute_lost' | 'plan_broken';

const TREND_MONTHS = 6;

/** An invoice paid in full: whole days from the due date to the day the money arrived. */
export function historyWithPayment(
  history: PaymentHistory,
  paid: { dueDate: string; paidOn: string; amount: number },
): PaymentHistory {
  const daysLate = Math.max(0, daysBetween(paid.dueDate, paid.paidOn));
  const onTime = daysLate === 0;
  return {
    ...history,
    onTimeInRow: onTime ? history.onTimeInRow + 1 : 0,
    amountPaid: history.amountPaid + paid.amount,
    amountDaysLate: history.amountDaysLate + paid.amount * daysLate,
    months: tallied(history.months, paid.paidOn.slice(0, 7), onTime),
  };
}

const ADVERSE_FIELD = {
  promise_broken: 'brokenPromises',
  dispute_lost: 'disputesLost',
  plan_broken: 'plansBroken',
} as const;

/** A broken promise, a dispute lost or a broken plan: counted, and the run of on-time payments ends. */
export function historyWithAdverse(history: PaymentHistory, fact: AdverseFact): PaymentHistory {
  const field = ADVERSE_FIELD[fact];
  return { ...history, [field]: history[field] + 1, onTimeInRow: 0 };
}

function tallied(months: readonly MonthTally[], month: string, onTime: boolean): MonthTally[] {
  const existing = months.find((tally) => tally.month === month);
  const next = existing
    ? months.map((tally) =>
        tally === existing
          ? { ...tally, paid: tally.paid + 1, onTime: tally.onTime + (onTime ? 1 : 0) }
          : tally,
      )
    : [...months, { month, paid: 1, onTime: onTime ? 1 : 0 }];
  return next.sort((a, b) => a.month.localeCompare(b.month)).slice(-TREND_MONTHS);
}

/** The first month (`YYYY-MM`) of the six that end with the month of `day`. */
export function trendStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - (TREND_MONTHS - 1);
  const shifted = month <= 0 ? { year: year - 1, month: month + 12 } : { year, month };
  return `${shifted.year}-${String(shifted.month).padStart(2, '0')}`;
}
