import type { CalendarDate } from '../calendar/calendar-date';
import {
  addDays,
  calendarDate,
  compareDates,
  inclusiveDayCount,
  isAfter,
  isBefore,
  yearOf,
} from '../calendar/calendar-date';
import { addTo, type InvoiceFacts, type PerCurrency } from './receivables';
import { hasOpenBalance } from '../ledger/invoice';

/** The period of the standard DSO: the last 90 days, today included. */
const DSO_PERIOD_DAYS = 90;

/** Days sales outstanding of one currency, in whole days; null when there were no sales to measure by. */
export interface Dso {
  /** Receivables today / credit sales of the last 90 days × 90. */
  standard: number | null;
  /** The days of the most recent sales, month by month, that the receivables add up to. */
  countback: number | null;
}

/**
 * Credit sales as a DSO reads them: the total invoiced on the days from `first` to `last`, and the
 * first day anything was sold (null: nothing yet). Built from the invoices, or from the portfolio
 * ledger's position.
 */
export interface SalesRecord {
  between(first: CalendarDate, last: CalendarDate): number;
  firstSale: CalendarDate | null;
}

/**
 * DSO per currency, both ways credit management measures it: the standard one and the countback
 * method, which reads better when sales vary from month to month. Credit sales are what was
 * invoiced, whatever became of it since, except cancelled invoices, which were never sales;
 * invoices dated after `today` are not sales yet.
 */
export function daysSalesOutstanding(
  invoices: readonly InvoiceFacts[],
  today: CalendarDate,
): Record<string, Dso> {
  const receivables: PerCurrency = {};
  for (const invoice of invoices) {
    if (hasOpenBalance(invoice)) addTo(receivables, invoice.currency, invoice.openAmount);
  }
  const sales = invoices.filter((i) => i.status !== 'cancelled' && !isAfter(i.issueDate, today));
  const currencies = new Set([...Object.keys(receivables), ...sales.map((i) => i.currency)]);
  return Object.fromEntries(
    [...currencies].sort().map((currency) => {
      const sold = sales.filter((i) => i.currency === currency);
      return [currency, dsoOf(receivables[currency] ?? 0, salesOfInvoices(sold), today)];
    }),
  );
}

/** Both DSOs of one currency's receivables on `today`, against its credit sales. */
export function dsoOf(receivables: number, sales: SalesRecord, today: CalendarDate): Dso {
  return {
    standard: standardDso(receivables, sales, today),
    countback: countbackDso(receivables, sales, today),
  };
}

function salesOfInvoices(sales: readonly InvoiceFacts[]): SalesRecord {
  return {
    between: (first, last) =>
      sales
        .filter((i) => !isBefore(i.issueDate, first) && !isAfter(i.issueDate, last))
        .reduce((total, i) => total + i.totalAmount, 0),
    firstSale: sales.reduce<CalendarDate | null>(
      (first, i) => (first === null || isBefore(i.issueDate, first) ? i.issueDate : first),
      null,
    ),
  };
}

function standardDso(receivables: number, sales: SalesRecord, today: CalendarDate): number | null {
  const sold = sales.between(addDays(today, 1 - DSO_PERIOD_DAYS), today);
  return sold > 0 ? Math.round((receivables * DSO_PERIOD_DAYS) / sold) : null;
}

/**
 * Takes the receivables back against the sales of the current month (up to today), then of each
 * month before it: every month they cover in full counts all its days, the month where they
 * run out the fraction covered. Null when the sales on record cannot account for them.
 */
function countbackDso(receivables: number, sales: SalesRecord, today: CalendarDate): number | null {
  const firstSale = sales.firstSale;
  if (firstSale === null) return null;
  let remaining = receivables;
  let days = 0;
  let last = today;
  while (remaining > 0) {
    const first = monthStart(last);
    if (compareDates(last, firstSale) < 0) return null;
    const sold = sales.between(first, last);
    const length = inclusiveDayCount(first, last);
    if (remaining <= sold) return Math.round(days + (remaining * length) / sold);
    remaining -= sold;
    days += length;
    last = addDays(first, -1);
  }
  return days;
}

function monthStart(date: CalendarDate): CalendarDate {
  return calendarDate(yearOf(date), Number(date.slice(5, 7)), 1);
}
