import {
  addDays,
  calendarDate,
  type CalendarDate,
  daysBetween,
  inclusiveDayCount,
  isAfter,
  isBefore,
  yearOf,
} from '../calendar/calendar-date';
import { type Dso, dsoOf, type SalesRecord } from './days-sales-outstanding';
import { UNCHASED_REASONS, type UnchasedReason } from './invoice-position';
import { type CurrencyPosition, type DueLadder, SALES_WINDOW_DAYS, type Tally } from './portfolio-position';

/** The aging buckets by days past due: not yet due, then 1–30 … 91–120, then over 120. */
export const PORTFOLIO_BUCKETS = ['current', '1-30', '31-60', '61-90', '91-120', '120+'] as const;
export type PortfolioBucket = (typeof PORTFOLIO_BUCKETS)[number];

/** The portfolio of one currency as it stood at the end of `asOf` (now, for today). */
export interface PortfolioDay {
  asOf: CalendarDate;
  currency: string;
  /** The month ending at `asOf`, which the CEI, the average days delinquent and the write-offs measure. */
  period: { from: CalendarDate; to: CalendarDate };
  /** The receivables: what invoices open, overdue or at the agency still owe (cents, invoices). */
  open: Tally;
  /** The part of it past its due date. */
  overdue: Tally;
  aging: Record<PortfolioBucket, Tally>;
  dso: Dso;
  /** Collection effectiveness index of the period, in percent (one decimal); null without anything to collect. */
  cei: number | null;
  /** Average days delinquent of the period: DSO less the best possible DSO, in whole days; null without sales. */
  averageDaysDelinquent: number | null;
  /** The overdue balance nobody chases, why, and its share of the overdue balance (percent, one decimal). */
  unchased: Tally & { share: number | null; byReason: Record<UnchasedReason, Tally> };
  /** Written off in the period. */
  writeOffs: Tally;
}

/** What the figures mean, as the response states them. */
export const PORTFOLIO_DEFINITIONS = {
  asOf: 'The figures of a past day are those of the invoices as they stood at the end of that day (Europe/Amsterdam); of today, as they stand now.',
  open: 'Receivables: the open amount of invoices open, overdue or at the collection agency (cents of the currency), and how many.',
  overdue: 'The part of the receivables whose due date has passed.',
  aging:
    'Receivables by days past the due date: current (not yet due, or due today), 1-30, 31-60, 61-90, 91-120, 120+.',
  dsoStandard:
    'Days sales outstanding: receivables at asOf / credit sales of the 90 days up to and including asOf × 90, in whole days. Credit sales are the totals of invoices issued then, unless cancelled.',
  dsoCountback:
    'Receivables counted back against the credit sales of the current month up to asOf, then of each month before: whole months count all their days, the month where they run out the fraction covered.',
  period:
    'The month ending at asOf: from the day after the same day of the month before, up to and including asOf.',
  cei: '(opening receivables + credit sales − closing receivables) / (opening receivables + credit sales − closing current receivables) × 100, over the period; opening is the end of the day before it.',
  averageDaysDelinquent:
    'DSO − best possible DSO over the period: (closing receivables − closing current receivables) / credit sales of the period × days in the period, in whole days.',
  unchased:
    'Overdue receivables that no process chases: held (a hold, special management), paused (a promise, a payment plan), in dispute, or with no execution running; the agency chases what it was handed. Share: percent of the overdue amount.',
  writeOffs: 'Amounts written off in the period, and the number of write-offs.',
} as const;

/** The month ending at `asOf`: from the day after the same day of the month before. */
export function periodEndingAt(asOf: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const year = yearOf(asOf);
  const month = Number(asOf.slice(5, 7));
  const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const lastDay = Number(lastDayOf(`${y}-${String(m).padStart(2, '0')}`).slice(8, 10));
  const day = Math.min(Number(asOf.slice(8, 10)), lastDay);
  return { from: addDays(calendarDate(y, m, day), 1), to: asOf };
}

/**
 * The figures of one currency on `asOf`, from its position at the end of `asOf` and at the end of
 * the day before the period (`opening`). A currency without a position adds up to nothing.
 */
export function portfolioDay(
  currency: string,
  asOf: CalendarDate,
  closing: CurrencyPosition | undefined,
  opening: CurrencyPosition | undefined,
): PortfolioDay {
  const period = periodEndingAt(asOf);
  const aging = ladderAging(closing?.open, asOf);
  const open = sumOf(PORTFOLIO_BUCKETS.map((bucket) => aging[bucket]));
  const overdue = { amount: open.amount - aging.current.amount, count: open.count - aging.current.count };
  const sales = salesRecord(closing, asOf);
  const sold = sales.between(period.from, period.to);
  const openingReceivables = ladderTotal(opening?.open).amount;
  const byReason = Object.fromEntries(
    UNCHASED_REASONS.map((reason) => {
      const reasonAging = ladderAging(closing?.unchased[reason], asOf);
      const all = sumOf(PORTFOLIO_BUCKETS.map((bucket) => reasonAging[bucket]));
      return [
        reason,
        { amount: all.amount - reasonAging.current.amount, count: all.count - reasonAging.current.count },
      ];
    }),
  ) as Record<UnchasedReason, Tally>;
  const unchased = sumOf(Object.values(byReason));
  const collectable = openingReceivables + sold - aging.current.amount;
  const days = inclusiveDayCount(period.from, period.to);
  return {
    asOf,
    currency,
    period,
    open,
    overdue,
    aging,
    dso: dsoOf(open.amount, sales, asOf),
    cei: collectable > 0 ? oneDecimal(((openingReceivables + sold - open.amount) / collectable) * 100) : null,
    averageDaysDelinquent: sold > 0 ? Math.round((overdue.amount * days) / sold) : null,
    unchased: {
      ...unchased,
      share: overdue.amount > 0 ? oneDecimal((unchased.amount / overdue.amount) * 100) : null,
      byReason,
    },
    writeOffs: {
      amount: (closing?.writtenOff.amount ?? 0) - (opening?.writtenOff.amount ?? 0),
      count: (closing?.writtenOff.count ?? 0) - (opening?.writtenOff.count ?? 0),
    },
  };
}

/** The bucket of a due date on `asOf`: due today is still current; 30 days past due is still 1-30. */
export function bucketOf(dueDate: CalendarDate, asOf: CalendarDate): PortfolioBucket {
  const days = daysBetween(dueDate, asOf);
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 120) return '91-120';
  return '120+';
}

function ladderAging(ladder: DueLadder | undefined, asOf: CalendarDate): Record<PortfolioBucket, Tally> {
  const aging = Object.fromEntries(PORTFOLIO_BUCKETS.map((b) => [b, { amount: 0, count: 0 }])) as Record<
    PortfolioBucket,
    Tally
  >;
  if (!ladder) return aging;
  for (const [dueDate, tally] of Object.entries(ladder.byDueDate)) {
    const bucket = aging[bucketOf(dueDate, asOf)];
    bucket.amount += tally.amount;
    bucket.count += tally.count;
  }
  aging['120+'].amount += ladder.older.amount;
  aging['120+'].count += ladder.older.count;
  return aging;
}

function ladderTotal(ladder: DueLadder | undefined): Tally {
  if (!ladder) return { amount: 0, count: 0 };
  return sumOf([...Object.values(ladder.byDueDate), ladder.older]);
}

function sumOf(tallies: readonly Tally[]): Tally {
  return tallies.reduce((sum, t) => ({ amount: sum.amount + t.amount, count: sum.count + t.count }), {
    amount: 0,
    count: 0,
  });
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The position's credit sales as a DSO reads them on `asOf`: issue dates after it are not sales
 * yet. Sales before the window of days are kept by month, so a span answers exactly when it
 * starts in the window or takes in whole months before it (what the DSOs and the period ask).
 */
function salesRecord(position: CurrencyPosition | undefined, asOf: CalendarDate): SalesRecord {
  const byDay = Object.entries(position?.salesByDay ?? {}).filter(([day]) => !isAfter(day, asOf));
  const byMonth = Object.entries(position?.salesByMonth ?? {});
  const windowStart = addDays(asOf, 1 - SALES_WINDOW_DAYS);
  const firstDays = [...byDay.map(([day]) => day), ...byMonth.map(([month]) => `${month}-01`)].sort();
  return {
    firstSale: firstDays[0] ?? null,
    between: (first, last) => {
      let total = 0;
      for (const [day, amount] of byDay) if (!isBefore(day, first) && !isAfter(day, last)) total += amount;
      for (const [month, amount] of byMonth) {
        const monthFirst = `${month}-01`;
        // The month's days kept by month are those before the window.
        const monthLast = earlierOf(addDays(windowStart, -1), lastDayOf(month));
        if (!isAfter(first, monthFirst) && !isBefore(last, monthLast)) total += amount;
      }
      return total;
    },
  };
}

function lastDayOf(month: string): CalendarDate {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return addDays(m === 12 ? calendarDate(year + 1, 1, 1) : calendarDate(year, m + 1, 1), -1);
}

function earlierOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return isBefore(a, b) ? a : b;
}
