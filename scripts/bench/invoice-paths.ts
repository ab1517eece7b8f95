import type { DunningSlot } from '../../functions/core/dunning/dunning-slot';

/** When the debtor pays the invoice in full. Days are virtual days. */
export type Payment =
  | { kind: 'never' }
  | { kind: 'daysAfterArrival'; days: number }
  /** Days after the dunning step's Lambda ran for the invoice. */
  | { kind: 'daysAfterStep'; step: DunningSlot; days: number }
  /**
   * After the step, a controller takes a promise to pay in `promiseDays` (POST
   * /invoices/{id}/promises). Kept: paid in full two days later. Broken: never paid; the sweep
   * follows the promise up and the dunning resumes, up to the collection agency.
   */
  | { kind: 'promise'; step: DunningSlot; promiseDays: number; kept: boolean }
  /**
   * After the step, a controller agrees a payment plan of `instalments` equal parts over the
   * invoice (POST /debtors/{id}/payment-plans), the first due `firstAfterDays` later and each next
   * one `everyDays` after it; the debtor pays each instalment on the invoice a day before it is due.
   */
  | { kind: 'plan'; step: DunningSlot; instalments: number; firstAfterDays: number; everyDays: number };

export interface PathGroup {
  name: string;
  description: string;
  /** The daily sweep runs in its local cloud (it follows promises up); off, it is a fixed cost left out. */
  dailySweep?: boolean;
  /** One entry per invoice, in order of arrival. */
  payments: readonly Payment[];
}

export interface Share {
  payment: Payment;
  weight: number;
}

const NEVER: Payment = { kind: 'never' };
const BEFORE_FIRST_REMINDER: Payment = { kind: 'daysAfterArrival', days: 1 };
const after = (step: DunningSlot): Payment => ({ kind: 'daysAfterStep', step, days: 2 });

/**
 * The mix, an assumption of the bench: most overdue invoices are paid after little or no
 * dunning and few reach the agency. Paying two days after the call task is paying while the
 * controller's call is still open; two days after the account manager's or the final notice's
 * step is before the next one.
 */
export const REALISTIC_MIX: readonly Share[] = [
  { payment: BEFORE_FIRST_REMINDER, weight: 40 },
  { payment: after('firstReminder'), weight: 25 },
  { payment: after('secondReminder'), weight: 15 },
  { payment: after('call'), weight: 8 },
  { payment: after('accountManager'), weight: 4 },
  { payment: after('finalNotice'), weight: 3 },
  { payment: NEVER, weight: 5 },
];

/**
 * The groups the bench drives, one per path. A full escalation is promise-free: no controller
 * records a call outcome, so the call step waits out the policy's call window and moves on.
 */
export function pathGroups(sizes: { perPath: number; mix: number }): PathGroup[] {
  const same = (payment: Payment) => Array.from({ length: sizes.perPath }, () => payment);
  return [
    {
      name: 'paid_before_first_reminder',
      description: 'paid the day after it arrived overdue, before the first reminder',
      payments: same(BEFORE_FIRST_REMINDER),
    },
    {
      name: 'paid_after_first_reminder',
      description: 'paid two days after the first reminder',
      payments: same(after('firstReminder')),
    },
    {
      name: 'fully_escalated',
      description: 'never paid, no call outcome: every step up to the collection agency',
      payments: same(NEVER),
    },
    {
      name: 'promise_kept',
      description: 'a promise to pay in 7 days taken after the first reminder, paid 2 days later',
      payments: same({ kind: 'promise', step: 'firstReminder', promiseDays: 7, kept: true }),
    },
    {
      name: 'promise_broken',
      description:
        'a promise to pay in 7 days taken after the first reminder, never paid: the sweep follows it up and the dunning resumes to the agency',
      payments: same({ kind: 'promise', step: 'firstReminder', promiseDays: 7, kept: false }),
      dailySweep: true,
    },
    {
      name: 'payment_plan',
      description:
        'a plan of three instalments (in 14, 44 and 74 days) agreed after the first reminder, each paid the day before it is due',
      payments: same({
        kind: 'plan',
        step: 'firstReminder',
        instalments: 3,
        firstAfterDays: 14,
        everyDays: 30,
      }),
    },
    {
      name: 'realistic_mix',
      description: REALISTIC_MIX.map((s) => `${s.weight}% ${describePayment(s.payment)}`).join(', '),
      payments: interleave(REALISTIC_MIX, sizes.mix),
    },
  ];
}

function describePayment(payment: Payment): string {
  switch (payment.kind) {
    case 'never':
      return 'never paid';
    case 'daysAfterArrival':
      return `paid ${payment.days} d after arrival`;
    case 'daysAfterStep':
      return `paid ${payment.days} d after ${payment.step}`;
    case 'promise':
      return `promise after ${payment.step}, ${payment.kept ? 'kept' : 'broken'}`;
    case 'plan':
      return `plan of ${payment.instalments} after ${payment.step}`;
  }
}

/**
 * `count` picks from the shares in proportion to their weights, spread out rather than in
 * blocks (smooth weighted round robin), so that each day's arrivals are a mix too. When `count`
 * equals the sum of the weights, every share is picked exactly `weight` times.
 */
export function interleave(shares: readonly Share[], count: number): Payment[] {
  const total = shares.reduce((sum, share) => sum + share.weight, 0);
  const current = shares.map(() => 0);
  const picked: Payment[] = [];
  for (let i = 0; i < count; i++) {
    let best = 0;
    shares.forEach((share, k) => {
      current[k] = (current[k] as number) + share.weight;
      if ((current[k] as number) > (current[best] as number)) best = k;
    });
    current[best] = (current[best] as number) - total;
    picked.push((shares[best] as Share).payment);
  }
  return picked;
}
