import { addDays, type CalendarDate, isAfter } from '../calendar/calendar-date';
import { isPaused } from '../dunning/dunning-pause';
import type { DunningState } from '../dunning/dunning-state';

/**
 * Small balances: what is left open on an old invoice costs more to chase than it brings. Below
 * an amount and older than a number of days (configuration), such invoices are proposed for
 * write-off in one batch that a manager approves, instead of one write-off each.
 */
export interface SmallBalanceCriteria {
  /** Cents: only an open amount below this (in the invoice's own currency's minor units). */
  below: number;
  /** Days past the due date: only invoices due this many days ago or longer. */
  olderThanDays: number;
}

export const DEFAULT_SMALL_BALANCE_CRITERIA: SmallBalanceCriteria = { below: 25_00, olderThanDays: 180 };

/** The last due date an invoice may have to be old enough on `today`. */
export function smallBalanceDueBy(criteria: SmallBalanceCriteria, today: CalendarDate): CalendarDate {
  return addDays(today, -criteria.olderThanDays);
}

export interface SmallBalanceCandidate {
  status: string;
  openAmount: number;
  dueDate: CalendarDate;
  dunning?: DunningState;
  disputedPart?: unknown;
}

/**
 * Whether an invoice is a small balance to propose: open (or overdue) with something below the
 * amount open, old enough, and not held by something a person still decides on (a dispute, a
 * payment plan, a promise): writing those off would pre-empt that decision.
 */
export function isSmallBalance(
  invoice: SmallBalanceCandidate,
  criteria: SmallBalanceCriteria,
  today: CalendarDate,
): boolean {
  if (invoice.status !== 'open' && invoice.status !== 'overdue') return false;
  if (invoice.openAmount <= 0 || invoice.openAmount >= criteria.below) return false;
  if (isAfter(invoice.dueDate, smallBalanceDueBy(criteria, today))) return false;
  if (invoice.disputedPart !== undefined) return false;
  const dunning = invoice.dunning;
  return !(isPaused(dunning) && ['dispute', 'payment_plan', 'promise'].includes(dunning.pausedFor));
}
