import type { CalendarDate } from '../calendar/calendar-date';
import type { DunningState } from '../dunning/dunning-state';
import { hasOpenBalance, type Invoice } from '../ledger/invoice';

/**
 * Why nobody chases an overdue balance: a hold (on the invoice, the debtor, or special management),
 * another pause (a promise, a payment plan, a plan being set up), a dispute, or no execution at all
 * (none started yet, stopped, held for attention, or a policy that ended without a hand-over).
 */
export const UNCHASED_REASONS = ['held', 'paused', 'dispute', 'no_execution'] as const;
export type UnchasedReason = (typeof UNCHASED_REASONS)[number];

/** What the portfolio aggregates read of one invoice: all of it follows from the invoice record. */
export interface InvoicePosition {
  currency: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  /** The open amount counted in the receivables (cents); 0 when nothing is owed any more. */
  receivable: number;
  /** Why nobody chases the receivable; absent while a process does, or when nothing is owed. */
  unchased?: UnchasedReason;
  /** The credit sale: the total of an invoice that was not cancelled (cents). */
  sale: number;
  /** Written off so far (cents), and in how many write-offs. */
  writtenOff: number;
  writeOffs: number;
}

type PositionSource = Pick<
  Invoice,
  'status' | 'currency' | 'totalAmount' | 'openAmount' | 'issueDate' | 'dueDate' | 'writtenOff'
> & { dunning?: Pick<DunningState, 'status' | 'pausedFor'> };

export function invoicePosition(invoice: PositionSource): InvoicePosition {
  const receivable = hasOpenBalance(invoice) ? invoice.openAmount : 0;
  const unchased = receivable > 0 ? unchasedReason(invoice) : undefined;
  return {
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    receivable,
    ...(unchased ? { unchased } : {}),
    sale: invoice.status === 'cancelled' ? 0 : invoice.totalAmount,
    writtenOff: invoice.writtenOff?.amount ?? 0,
    writeOffs: invoice.writtenOff?.writeOffs.length ?? 0,
  };
}

/**
 * The agency chases a claim handed over to it, and a running execution chases its invoice; any
 * other receivable waits for nobody but a person. Whether it is overdue is the report's question.
 */
function unchasedReason(invoice: PositionSource): UnchasedReason | undefined {
  if (invoice.status === 'in_collection') return undefined;
  const dunning = invoice.dunning;
  if (dunning?.status === 'running') return undefined;
  if (dunning?.status !== 'paused') return 'no_execution';
  switch (dunning.pausedFor) {
    case 'hold':
    case 'special_management':
      return 'held';
    case 'dispute':
      return 'dispute';
    default:
      return 'paused';
  }
}

/**
 * A counter of the portfolio ledger: its name says what it counts and, where it has one, the day
 * it counts by (a due date, an issue date). Amounts are cents of `currency`.
 *
 * - `open:<due>` / `openCount:<due>`: receivables by due date, and how many invoices
 * - `unchased:<reason>:<due>` / `unchasedCount:<reason>:<due>`: the part nobody chases
 * - `sales:<issue>`: credit sales by issue date
 * - `writtenOff` / `writeOffs`: everything written off so far, and how many write-offs
 */
export interface CounterChange {
  currency: string;
  name: string;
  delta: number;
}

/** The counters one invoice adds to the portfolio. */
function countersOf(position: InvoicePosition): Map<string, number> {
  const counters = new Map<string, number>();
  if (position.receivable > 0) {
    counters.set(`open:${position.dueDate}`, position.receivable);
    counters.set(`openCount:${position.dueDate}`, 1);
    if (position.unchased) {
      counters.set(`unchased:${position.unchased}:${position.dueDate}`, position.receivable);
      counters.set(`unchasedCount:${position.unchased}:${position.dueDate}`, 1);
    }
  }
  if (position.sale !== 0) counters.set(`sales:${position.issueDate}`, position.sale);
  if (position.writtenOff !== 0) counters.set('writtenOff', position.writtenOff);
  if (position.writeOffs !== 0) counters.set('writeOffs', position.writeOffs);
  return counters;
}

/**
 * What a change of one invoice (created: no `before`) does to the counters: what it adds now less
 * what it added before. Summed over every change up to a day, the counters hold exactly what the
 * invoices as they stood that day add up to.
 */
export function positionChange(before: InvoicePosition | undefined, after: InvoicePosition): CounterChange[] {
  const changes = new Map<string, CounterChange>();
  const add = (currency: string, counters: Map<string, number>, sign: 1 | -1) => {
    for (const [name, value] of counters) {
      const key = `${currency}|${name}`;
      const change = changes.get(key) ?? { currency, name, delta: 0 };
      change.delta += sign * value;
      changes.set(key, change);
    }
  };
  if (before) add(before.currency, countersOf(before), -1);
  add(after.currency, countersOf(after), 1);
  return [...changes.values()].filter((change) => change.delta !== 0);
}

/**
 * The item a counter is kept in, per fact day and currency: one per month of the day it counts by,
 * so that an item stays small (DynamoDB bills an update by the item's size) and one day's facts
 * spread over a few items.
 */
export function counterShard(name: string): string {
  const day = /(\d{4}-\d{2})-\d{2}$/.exec(name)?.[1];
  if (!day) return 'totals';
  return name.startsWith('sales:') ? `issued-${day}` : `due-${day}`;
}
