import { addDays, type CalendarDate } from '../calendar/calendar-date';
import { isAtwNonWorkingDay } from '../legal/algemene-termijnenwet';

export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled';

/**
 * A debtor's promise to pay one or more of its invoices by a date. While it is open the dunning
 * of those invoices is paused; on its follow-up day it is kept or broken.
 */
export interface PaymentPromise {
  id: string;
  debtorId: string;
  invoiceIds: string[];
  currency: string;
  promisedDate: CalendarDate;
  /** What was promised over all its invoices, in cents. */
  amount: number;
  status: PromiseStatus;
  note?: string;
  /** Who took it: 'user:<sub>'. */
  takenBy: string;
  takenAt: string;
  /** The call task whose outcome it was, if any. */
  taskId?: string;
  graceDays: number;
  /** The first business day after the promised date and the grace: the sweep decides it then. */
  followUpOn: CalendarDate;
  /** Paid on its invoices in time, as counted when it was decided. */
  paidAmount?: number;
  resolvedAt?: string;
  /** Moved by the debtor on the self-service page: a debtor may move their own promise once. */
  moved?: { from: CalendarDate; at: string; by: string };
}

export interface PromiseIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a promise as asked: dated in the past or too far ahead, or an amount that is
 * not a positive part of what is open. `path` names the request's field.
 */
export function promiseIssues(input: {
  promisedDate: CalendarDate;
  amount?: number;
  openAmount: number;
  today: CalendarDate;
  maxPromiseDays: number;
}): PromiseIssue[] {
  const issues: PromiseIssue[] = [];
  const latest = addDays(input.today, input.maxPromiseDays);
  if (input.promisedDate < input.today) {
    issues.push({ path: 'promisedDate', message: `promisedDate must not be before today (${input.today})` });
  } else if (input.promisedDate > latest) {
    issues.push({
      path: 'promisedDate',
      message: `promisedDate must be at most ${input.maxPromiseDays} days ahead (${latest}): maxPromiseDays of the dunning policy`,
    });
  }
  if (input.amount !== undefined) {
    if (input.amount <= 0) issues.push({ path: 'amount', message: 'amount must be positive' });
    else if (input.amount > input.openAmount) {
      issues.push({
        path: 'amount',
        message: `amount must be at most the open amount (${input.openAmount} cents)`,
      });
    }
  }
  return issues;
}

/** The first business day (no weekend, no Dutch public holiday) after the promised date and its grace. */
export function followUpDay(promisedDate: CalendarDate, graceDays: number): CalendarDate {
  let day = addDays(promisedDate, graceDays + 1);
  while (isAtwNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The last day on which a payment still counts for the promise. */
export function lastDayToPay(promise: Pick<PaymentPromise, 'promisedDate' | 'graceDays'>): CalendarDate {
  return addDays(promise.promisedDate, promise.graceDays);
}

/**
 * Kept or broken. A promise whose invoices are all settled is kept at once. Otherwise it stays
 * open until its follow-up day, and is then kept when the payments received up to the promised
 * date plus the grace cover the promised amount, and broken when they do not (a partial payment
 * is booked, but does not keep it).
 */
export function promiseVerdict(input: {
  promise: Pick<PaymentPromise, 'amount' | 'followUpOn'>;
  /** Paid on its invoices since it was taken, received no later than the last day to pay. */
  paidInTime: number;
  /** Whether any of its invoices still has something open. */
  anythingOpen: boolean;
  today: CalendarDate;
}): 'open' | 'kept' | 'broken' {
  if (!input.anythingOpen) return 'kept';
  if (input.today < input.promise.followUpOn) return 'open';
  return input.paidInTime >= input.promise.amount ? 'kept' : 'broken';
}

/** kept / (kept + broken); null while no promise was decided either way. */
export function keptRate(promises: readonly Pick<PaymentPromise, 'status'>[]): number | null {
  const kept = promises.filter((p) => p.status === 'kept').length;
  const broken = promises.filter((p) => p.status === 'broken').length;
  return kept + broken === 0 ? null : kept / (kept + broken);
}

/** How many promises on this invoice were broken. */
export function brokenPromisesOn(
  promises: readonly Pick<PaymentPromise, 'status' | 'invoiceIds'>[],
  invoiceId: string,
): number {
  return promises.filter((p) => p.status === 'broken' && p.invoiceIds.includes(invoiceId)).length;
}
