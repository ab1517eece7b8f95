import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../calendar/time-zone';
import type { Dispute } from '../disputes/dispute';
import type { DunningState, StepRecord } from '../dunning/dunning-state';
import { hasOpenBalance, isCollecting, type Invoice } from '../ledger/invoice';
import type { PaymentPlan } from '../plans/payment-plan';
import type { PaymentPromise } from '../promises/promise-to-pay';

/**
 * The counters behind GET /reports/dunning, /promises, /disputes and /forecast. Each family keeps
 * one item per day (the fact's day, or for `expected` the day the money is expected), so a report
 * of a period reads one item per day of it, whatever the portfolio. Most counters follow from a
 * record as it stands (`contributions`): a change adds what the record counts after it less what
 * it counted before, as the portfolio ledger does, so a record written twice counts once. A step
 * reached is the one fact that needs the change itself (`stepReached`): the invoice keeps only its
 * last step.
 */
export const REPORT_FAMILIES = ['dunning', 'promises', 'disputes', 'receipts', 'expected'] as const;
export type ReportFamily = (typeof REPORT_FAMILIES)[number];

/** A payment within this many calendar days after the last step reached cures the invoice at that step. */
export const CURE_DAYS = 14;

/** The step an invoice ended at when it closed before any step was reached. */
export const BEFORE_FIRST_STEP = 'none';

/** One counter's change: `day` absent for a running total (disputes open now). */
export interface CounterChange {
  family: ReportFamily;
  day?: CalendarDate;
  name: string;
  delta: number;
}

/**
 * How an invoice's money is expected, stamped on the invoice when it is first written, from its
 * debtor's history then: the share paid on time, and how many days late the rest comes.
 */
export interface ExpectedPayment {
  onTimePercent: number;
  lateDays: number;
}

/** A debtor without paid invoices is expected to pay on time. */
const NO_PAYMENT_HISTORY: ExpectedPayment = { onTimePercent: 100, lateDays: 0 };

/** The weighting of a debtor's invoices: its share of invoices paid on time, and its average days late. */
export function expectedPaymentOf(behaviour: {
  invoicesPaid: number;
  invoicesPaidLate: number;
  totalDaysLate: number;
}): ExpectedPayment {
  if (behaviour.invoicesPaid <= 0) return NO_PAYMENT_HISTORY;
  const late = Math.min(behaviour.invoicesPaidLate, behaviour.invoicesPaid);
  return {
    onTimePercent: Math.round((100 * (behaviour.invoicesPaid - late)) / behaviour.invoicesPaid),
    lateDays: late > 0 ? Math.round(behaviour.totalDaysLate / late) : 0,
  };
}

const day = (at: string): CalendarDate => localDate(new Date(at), BUSINESS_TIME_ZONE);

/** A step that went out (a letter sent, a call or hand-over done); a skipped one was not reached. */
function isReached(step: StepRecord | undefined): step is StepRecord {
  return step !== undefined && step.status !== 'skipped';
}

type CountedInvoice = Pick<
  Invoice,
  'status' | 'currency' | 'openAmount' | 'dueDate' | 'closedAt' | 'totalAmount'
> & {
  dunning?: Pick<DunningState, 'policyId' | 'lastStep' | 'status' | 'pausedFor'>;
  expectedPayment?: ExpectedPayment;
  updatedAt?: string;
};

/**
 * What an invoice counts as it stands: the step it ended at once its dunning is over (closed,
 * with a dunning), cured at its last step when paid within CURE_DAYS after it, and what its open
 * balance is expected to bring in (on time on its due date, the rest its debtor's days late after),
 * unless a promise or a plan says when (they are counted on their own dates).
 */
export function invoiceContributions(invoice: CountedInvoice | undefined): CounterChange[] {
  if (!invoice) return [];
  const changes: CounterChange[] = [];
  const dunning = invoice.dunning;
  if (dunning && !isCollecting(invoice)) {
    const closedOn = day(invoice.closedAt ?? invoice.updatedAt ?? new Date(0).toISOString());
    const last = isReached(dunning.lastStep) ? dunning.lastStep : undefined;
    changes.push({
      family: 'dunning',
      day: closedOn,
      name: `ended|${dunning.policyId}|${last?.slot ?? BEFORE_FIRST_STEP}`,
      delta: 1,
    });
    if (last && invoice.status === 'paid') {
      const stepOn = day(last.at);
      const after = daysBetween(stepOn, closedOn);
      if (after >= 0 && after <= CURE_DAYS)
        changes.push({
          family: 'dunning',
          day: stepOn,
          name: `cured|${dunning.policyId}|${last.slot}`,
          delta: 1,
        });
    }
  }
  const paused = dunning?.status === 'paused' ? dunning.pausedFor : undefined;
  if (isCollecting(invoice) && hasOpenBalance(invoice) && paused !== 'promise' && paused !== 'payment_plan') {
    const weight = invoice.expectedPayment ?? NO_PAYMENT_HISTORY;
    const onTime = Math.round((invoice.openAmount * weight.onTimePercent) / 100);
    const name = `invoices|${invoice.currency}`;
    if (onTime !== 0) changes.push({ family: 'expected', day: invoice.dueDate, name, delta: onTime });
    if (invoice.openAmount - onTime !== 0)
      changes.push({
        family: 'expected',
        day: addDays(invoice.dueDate, weight.lateDays),
        name,
        delta: invoice.openAmount - onTime,
      });
  }
  return changes;
}

/** A step reached by this change: counted on the step's day for the invoice's segment (its policy). */
export function stepReached(
  before: { dunning?: Pick<DunningState, 'lastStep'> } | undefined,
  after: { dunning?: Pick<DunningState, 'policyId' | 'lastStep'> },
): CounterChange[] {
  const step = after.dunning?.lastStep;
  if (!after.dunning || !isReached(step)) return [];
  const previous = before?.dunning?.lastStep;
  if (previous && previous.slot === step.slot && previous.at === step.at) return [];
  return [
    {
      family: 'dunning',
      day: day(step.at),
      name: `reached|${after.dunning.policyId}|${step.slot}`,
      delta: 1,
    },
  ];
}

type CountedPromise = Pick<
  PaymentPromise,
  'status' | 'currency' | 'amount' | 'takenAt' | 'resolvedAt' | 'promisedDate'
> & { updatedAt?: string };

/** A promise: taken on its day, kept, broken or cancelled on the day it was decided; open, expected on its date. */
export function promiseContributions(promise: CountedPromise | undefined): CounterChange[] {
  if (!promise) return [];
  const { currency } = promise;
  const changes: CounterChange[] = [
    { family: 'promises', day: day(promise.takenAt), name: `taken|${currency}`, delta: 1 },
    { family: 'promises', day: day(promise.takenAt), name: `takenAmount|${currency}`, delta: promise.amount },
  ];
  if (promise.status === 'open') {
    changes.push({
      family: 'expected',
      day: promise.promisedDate,
      name: `promises|${currency}`,
      delta: promise.amount,
    });
  } else {
    const decidedOn = day(promise.resolvedAt ?? promise.updatedAt ?? promise.takenAt);
    changes.push(
      { family: 'promises', day: decidedOn, name: `${promise.status}|${currency}`, delta: 1 },
      {
        family: 'promises',
        day: decidedOn,
        name: `${promise.status}Amount|${currency}`,
        delta: promise.amount,
      },
    );
  }
  return changes;
}

type CountedDispute = Pick<
  Dispute,
  'status' | 'cause' | 'amount' | 'currency' | 'raisedOn' | 'resolution' | 'closedAt'
> & { updatedAt?: string };

/**
 * A dispute: raised on its day, with its amount, per cause; open now (a running total) while it
 * waits for an answer; resolved on the day it was answered (or settled), with the days it took
 * in a histogram, from which a median is read.
 */
export function disputeContributions(dispute: CountedDispute | undefined): CounterChange[] {
  if (!dispute) return [];
  const { cause, currency } = dispute;
  const changes: CounterChange[] = [
    { family: 'disputes', day: dispute.raisedOn, name: `raised|${cause}`, delta: 1 },
    { family: 'disputes', day: dispute.raisedOn, name: `amount|${cause}|${currency}`, delta: dispute.amount },
  ];
  if (dispute.status === 'open') {
    changes.push(
      { family: 'disputes', name: `open|${cause}`, delta: 1 },
      { family: 'disputes', name: `openAmount|${cause}|${currency}`, delta: dispute.amount },
    );
  } else {
    const resolvedOn = day(
      dispute.resolution?.at ?? dispute.closedAt ?? dispute.updatedAt ?? `${dispute.raisedOn}T12:00:00Z`,
    );
    const days = Math.max(0, daysBetween(dispute.raisedOn, resolvedOn));
    changes.push(
      { family: 'disputes', day: resolvedOn, name: `resolved|${cause}`, delta: 1 },
      { family: 'disputes', day: resolvedOn, name: `days|${cause}|${days}`, delta: 1 },
    );
  }
  return changes;
}

/** An active plan expects each instalment's unpaid rest on its date. */
export function planContributions(
  plan: Pick<PaymentPlan, 'status' | 'currency' | 'instalments'> | undefined,
): CounterChange[] {
  if (!plan || plan.status !== 'active') return [];
  return plan.instalments
    .filter((instalment) => instalment.status === 'open' && instalment.amount > instalment.paidAmount)
    .map((instalment) => ({
      family: 'expected' as const,
      day: instalment.dueDate,
      name: `instalments|${plan.currency}`,
      delta: instalment.amount - instalment.paidAmount,
    }));
}

/** Money received, on the day it arrived. */
export function paymentContributions(payment: {
  amount: number;
  currency: string;
  receivedAt: string;
}): CounterChange[] {
  return [
    {
      family: 'receipts',
      day: day(payment.receivedAt),
      name: `received|${payment.currency}`,
      delta: payment.amount,
    },
  ];
}

/**
 * The items a change adds to, each counter at most once: one item per family and day; the expected
 * money, whose days spread over months ahead, one item per month (the counter names carry the day),
 * so that a payment over many invoices touches a few items.
 */
export function counterItems(changes: readonly CounterChange[]): ReportCounters[] {
  const items = new Map<string, ReportCounters>();
  for (const change of changes) {
    const monthly = change.family === 'expected' && change.day !== undefined;
    const itemDay = monthly ? `${(change.day as string).slice(0, 7)}-01` : change.day;
    const name = monthly ? `${change.name}|${change.day as string}` : change.name;
    const key = `${change.family}#${itemDay ?? 'total'}`;
    const item = items.get(key) ?? {
      family: change.family,
      ...(itemDay === undefined ? {} : { day: itemDay }),
      counters: {},
    };
    item.counters[name] = (item.counters[name] ?? 0) + change.delta;
    items.set(key, item);
  }
  return [...items.values()]
    .map((item) => ({
      ...item,
      counters: Object.fromEntries(Object.entries(item.counters).filter(([, delta]) => delta !== 0)),
    }))
    .filter((item) => Object.keys(item.counters).length > 0);
}

/**
 * The counters of one family on one day (the fact's day; for `expected` the first of the month the
 * counters' names date), or its running totals when `day` is absent.
 */
export interface ReportCounters {
  family: ReportFamily;
  day?: CalendarDate;
  counters: Record<string, number>;
}

/** After less before: what a change adds to the counters. */
export function difference(
  before: readonly CounterChange[],
  after: readonly CounterChange[],
): CounterChange[] {
  return [...after, ...before.map((change) => ({ ...change, delta: -change.delta }))];
}
