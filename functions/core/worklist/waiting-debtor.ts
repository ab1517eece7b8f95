import type { CalendarDate } from '../calendar/calendar-date';
import { isPaused, type PauseReason } from '../dunning/dunning-pause';
import type { DunningState } from '../dunning/dunning-state';
import { spokenDate } from './debtor-priority';

/**
 * Pauses that ask nothing of a controller while they last: the debtor promised to pay, a hold
 * was agreed, or a payment plan runs. Its end (the promise's follow-up day, the hold's last day, a
 * missed instalment) brings the debtor back by itself. A dispute, a requested plan still to set
 * up and special management do ask for someone's work, so they keep the debtor on the list.
 */
const WAITED_FOR: ReadonlySet<PauseReason> = new Set<PauseReason>(['promise', 'hold', 'payment_plan']);

export interface WaitingFacts {
  today: CalendarDate;
  /** The debtor's overdue invoices still being collected, with their dunning state. */
  overdueInvoices: readonly { dunning?: DunningState }[];
  /** The debtor's open tasks on the list (snoozed ones left out), by their due day. */
  tasks: readonly { dueDate: CalendarDate }[];
  /** Disputes of the debtor still open past their respond-by day. */
  overdueDisputes: number;
}

export interface Waiting {
  /** The first day the debtor is back on the list; absent while only a plan's instalments bring it back. */
  until?: CalendarDate;
  /** What it waits for: the pause that ends first, or the task that falls due first. */
  reason: PauseReason | 'task';
}

/**
 * Whether a debtor leaves today's worklist, and until when: when every overdue invoice is paused
 * by a promise, a hold or a payment plan and nothing is due today (no open task due by today, no
 * dispute past its respond-by day), a call today would only repeat what was agreed. It returns on
 * the first day one of its pauses ends or is followed up, or one of its open tasks falls due.
 * A debtor with no overdue invoice never waits here: it is on the list for its tasks only.
 */
export function waitingUntil(facts: WaitingFacts): Waiting | undefined {
  const { today, overdueInvoices, tasks } = facts;
  if (overdueInvoices.length === 0 || facts.overdueDisputes > 0) return undefined;
  if (tasks.some((task) => task.dueDate <= today)) return undefined;
  const ends: { day?: CalendarDate; reason: Waiting['reason'] }[] = [];
  for (const { dunning } of overdueInvoices) {
    if (!isPaused(dunning) || !WAITED_FOR.has(dunning.pausedFor)) return undefined;
    // A plan's pause has no last day: a missed instalment breaks the plan and resumes the dunning.
    if (dunning.pausedUntil === undefined && dunning.pausedFor !== 'payment_plan') return undefined;
    if (dunning.pausedUntil !== undefined && dunning.pausedUntil <= today) return undefined;
    ends.push({ ...(dunning.pausedUntil ? { day: dunning.pausedUntil } : {}), reason: dunning.pausedFor });
  }
  for (const task of tasks) ends.push({ day: task.dueDate, reason: 'task' });
  const dated = ends.filter((end): end is { day: CalendarDate; reason: Waiting['reason'] } => !!end.day);
  const first = dated.sort((a, b) => a.day.localeCompare(b.day))[0];
  return first ? { until: first.day, reason: first.reason } : { reason: 'payment_plan' };
}

/** The next action of a waiting debtor, in words: what it waits for and when it is back. */
export function waitingAction(waiting: Waiting): string {
  if (waiting.until === undefined)
    return 'pays by a payment plan: back on the list if an instalment is missed';
  const back = `back on the list on ${spokenDate(waiting.until)}`;
  switch (waiting.reason) {
    case 'promise':
      return `promised to pay: ${back}, when the promise is followed up`;
    case 'hold':
      return `on hold: ${back}, when the hold ends`;
    case 'task':
      return `nothing due today: ${back}, when a task falls due`;
    default:
      return `pays by a payment plan: ${back}`;
  }
}
