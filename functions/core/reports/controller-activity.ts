import { type CalendarDate, daysBetween, inclusiveDayCount } from '../calendar/calendar-date';
import type { Money } from '../money';
import type { CallOutcome, CollectionTask } from '../tasks/collection-task';

/** A payment counts for the controller who last reached the debtor when it arrives within these days. */
export const CONTACT_CREDIT_DAYS = 14;

/** The longest period one report covers: it reads one item per controller and day. */
const MAX_REPORT_DAYS = 366;

/** Call outcomes that mean the debtor was spoken to; `no_answer` and `wrong_contact` did not reach it. */
const REACHING: readonly CallOutcome[] = [
  'reached',
  'promised',
  'disputed',
  'plan_requested',
  'financial_trouble',
];

/** What one controller did on one day, added to as the facts happen. Money in cents per currency. */
export interface ActivityCounts {
  tasksDone?: number;
  tasksDoneOnTime?: number;
  callsMade?: number;
  callsReached?: number;
  promisesTaken?: number;
  promisesKept?: number;
  /** Paid by debtors within CONTACT_CREDIT_DAYS after this controller reached them, per currency. */
  collected?: Record<string, number>;
}

export const COUNTERS = [
  'tasksDone',
  'tasksDoneOnTime',
  'callsMade',
  'callsReached',
  'promisesTaken',
  'promisesKept',
] as const;

/** The counters of one controller (the user's sub) on one calendar day of the business time zone. */
export interface ControllerDay {
  owner: string;
  /** The controller's email, when the fact came from their own request. */
  email?: string;
  day: CalendarDate;
  counts: ActivityCounts;
}

/** The last time a controller reached a debtor (a call that got through, or a promise taken). */
export interface LastContact {
  debtorId: string;
  by: string;
  email?: string;
  at: string;
}

export function isReachingOutcome(outcome: string): boolean {
  return (REACHING as readonly string[]).includes(outcome);
}

/**
 * What recording an outcome on a task adds to its controller's day: one task done, on time when
 * done by its due date (or by the day it was snoozed to); a call made, and reached when it got
 * through to the debtor.
 */
export function outcomeCounts(
  task: Pick<CollectionTask, 'kind' | 'dueDate' | 'snoozed'>,
  outcome: string,
  today: CalendarDate,
): ActivityCounts {
  const dueBy = task.snoozed && task.snoozed.until > task.dueDate ? task.snoozed.until : task.dueDate;
  return {
    tasksDone: 1,
    ...(today <= dueBy ? { tasksDoneOnTime: 1 } : {}),
    ...(task.kind === 'call'
      ? { callsMade: 1, ...(isReachingOutcome(outcome) ? { callsReached: 1 } : {}) }
      : {}),
  };
}

/** Whether money received on `paidOn` came within CONTACT_CREDIT_DAYS after the contact of `contactOn`. */
export function paidAfterContact(contactOn: CalendarDate, paidOn: CalendarDate): boolean {
  const days = daysBetween(contactOn, paidOn);
  return days >= 0 && days <= CONTACT_CREDIT_DAYS;
}

/** The sum of two days' counts (the same controller's facts of one day, in one write). */
export function addCounts(a: ActivityCounts, b: ActivityCounts): ActivityCounts {
  const sum: ActivityCounts = {};
  for (const counter of COUNTERS) {
    const total = (a[counter] ?? 0) + (b[counter] ?? 0);
    if (total !== 0) sum[counter] = total;
  }
  const collected: Record<string, number> = { ...a.collected };
  for (const [currency, cents] of Object.entries(b.collected ?? {}))
    collected[currency] = (collected[currency] ?? 0) + cents;
  if (Object.keys(collected).length > 0) sum.collected = collected;
  return sum;
}

export interface ControllerFigures {
  owner: { sub: string; email?: string };
  tasksDone: number;
  tasksDoneOnTime: number;
  callsMade: number;
  callsReached: number;
  promisesTaken: number;
  promisesKept: number;
  /** Paid within CONTACT_CREDIT_DAYS after the controller reached the debtor, one amount per currency. */
  collectedAfterContact: Money[];
}

/** Per controller, the sum of their days; most tasks done first, then by email or id. */
export function controllerFigures(days: readonly ControllerDay[]): ControllerFigures[] {
  const byOwner = new Map<string, { email?: string; counts: ActivityCounts }>();
  for (const day of days) {
    const seen = byOwner.get(day.owner) ?? { counts: {} };
    byOwner.set(day.owner, {
      ...(seen.email ? { email: seen.email } : day.email ? { email: day.email } : {}),
      counts: addCounts(seen.counts, day.counts),
    });
  }
  return [...byOwner.entries()]
    .map(([sub, { email, counts }]) => ({
      owner: { sub, ...(email ? { email } : {}) },
      tasksDone: counts.tasksDone ?? 0,
      tasksDoneOnTime: counts.tasksDoneOnTime ?? 0,
      callsMade: counts.callsMade ?? 0,
      callsReached: counts.callsReached ?? 0,
      promisesTaken: counts.promisesTaken ?? 0,
      promisesKept: counts.promisesKept ?? 0,
      collectedAfterContact: Object.entries(counts.collected ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, amount]) => ({ amount, currency })),
    }))
    .sort(
      (a, b) =>
        b.tasksDone - a.tasksDone ||
        (a.owner.email ?? a.owner.sub).localeCompare(b.owner.email ?? b.owner.sub),
    );
}

/** What is wrong with a report's period: `to` before `from`, or longer than MAX_REPORT_DAYS. */
export function periodIssues(
  from: CalendarDate,
  to: CalendarDate,
): { path: 'from' | 'to'; message: string }[] {
  if (to < from) return [{ path: 'to', message: `to must not be before from (${from})` }];
  const days = inclusiveDayCount(from, to);
  if (days > MAX_REPORT_DAYS)
    return [
      { path: 'to', message: `the period is ${days} days; at most ${MAX_REPORT_DAYS} are reported at once` },
    ];
  return [];
}

type ActivityWrite = { kind: 'countActivity'; activity: ControllerDay };
type ContactWrite = { kind: 'putLastContact'; contact: LastContact };

/**
 * One write per controller and day, and one last contact per debtor: a transaction may touch an
 * item once, and one request can bring two facts of the same controller (a call that took a promise).
 */
export function mergeActivity<W extends { kind: string }>(writes: readonly W[]): W[] {
  const merged: W[] = [];
  const slots = new Map<string, number>();
  for (const write of writes) {
    const key =
      write.kind === 'countActivity'
        ? `activity ${(write as unknown as ActivityWrite).activity.day}#${(write as unknown as ActivityWrite).activity.owner}`
        : write.kind === 'putLastContact'
          ? `contact ${(write as unknown as ContactWrite).contact.debtorId}`
          : undefined;
    const at = key === undefined ? undefined : slots.get(key);
    if (key === undefined || at === undefined) {
      if (key !== undefined) slots.set(key, merged.length);
      merged.push(write);
    } else if (write.kind === 'countActivity') {
      const earlier = (merged[at] as unknown as ActivityWrite).activity;
      const later = (write as unknown as ActivityWrite).activity;
      const email = earlier.email ?? later.email;
      const activity: ControllerDay = {
        ...earlier,
        ...(email ? { email } : {}),
        counts: addCounts(earlier.counts, later.counts),
      };
      merged[at] = { ...write, activity } as W;
    } else {
      // The later contact of the same debtor is the last one.
      merged[at] = write;
    }
  }
  return merged;
}
