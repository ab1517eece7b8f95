import type { CalendarDate } from '../calendar/calendar-date';

/**
 * A write-off: what is open on an invoice, or part of it (a remission), is no longer claimed.
 * It is no money: the books still balance as money received = money on invoices + credit on the
 * account, and the written-off amount is kept beside them.
 */
export interface WriteOff {
  amount: number;
  reason: string;
  /** 'user:<sub>'. */
  by: string;
  at: string;
  on: CalendarDate;
  /** Written off in full (the invoice is closed) rather than a partial remission. */
  full: boolean;
}

/** Per invoice: every write-off, the amount written off in total, and what was received on it after. */
export interface WrittenOff {
  writeOffs: WriteOff[];
  amount: number;
  /** Paid on the written-off amount after the write-off (the debtor paid after all). */
  recovered: number;
}
