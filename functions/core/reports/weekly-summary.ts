import { addDays, type CalendarDate } from '../calendar/calendar-date';
import { weekStart } from './fact-figures';
import type { PortfolioDay } from './portfolio-day';

/** How many debtors the summary names as the week's largest movements. */
export const LARGEST_MOVEMENTS = 10;

/**
 * The week a summary sent on `today` reports: the last whole week (Monday to Sunday) before the
 * week `today` is in. The figures are those at the end of its Sunday, the last day the morning's
 * sweep closed; last week's are those of the Sunday before. `key` names the week of sending: a
 * second run in the same week finds the first one's record.
 */
export function summaryWeek(today: CalendarDate): {
  key: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
  previousTo: CalendarDate;
} {
  const key = weekStart(today);
  const to = addDays(key, -1);
  return { key, from: addDays(key, -7), to, previousTo: addDays(to, -7) };
}

export type SummaryFigureName = 'open' | 'overdue' | 'dso' | 'cei' | 'unchasedShare' | 'writeOffs';

/** One main figure of the portfolio report at the end of the week, and last week's. */
export interface SummaryFigure {
  name: SummaryFigureName;
  /** `money`: cents of the currency; `days`: whole days; `percent`: one decimal. */
  unit: 'money' | 'days' | 'percent';
  /** Null where the report has none (a DSO without sales, a CEI with nothing to collect). */
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is null. */
  change: number | null;
  /** For amounts: how many invoices (write-offs) make it. */
  count?: number;
}

/**
 * The main figures of one currency's portfolio report: open, overdue, DSO (standard), CEI, the
 * share of the overdue balance nobody chases and the write-offs of the month, each with its
 * change from the report of a week before (absent: a currency that had nothing then).
 */
export function summaryFigures(current: PortfolioDay, previous: PortfolioDay | undefined): SummaryFigure[] {
  const figure = (
    name: SummaryFigureName,
    unit: SummaryFigure['unit'],
    of: (day: PortfolioDay) => number | null,
    count?: (day: PortfolioDay) => number,
  ): SummaryFigure => {
    const value = of(current);
    const before = previous ? of(previous) : unit === 'money' ? 0 : null;
    return {
      name,
      unit,
      value,
      previous: before,
      change: value === null || before === null ? null : roundedLike(unit, value - before),
      ...(count ? { count: count(current) } : {}),
    };
  };
  return [
    figure(
      'open',
      'money',
      (day) => day.open.amount,
      (day) => day.open.count,
    ),
    figure(
      'overdue',
      'money',
      (day) => day.overdue.amount,
      (day) => day.overdue.count,
    ),
    figure('dso', 'days', (day) => day.dso.standard),
    figure('cei', 'percent', (day) => day.cei),
    figure('unchasedShare', 'percent', (day) => day.unchased.share),
    figure(
      'writeOffs',
      'money',
      (day) => day.writeOffs.amount,
      (day) => day.writeOffs.count,
    ),
  ];
}

export interface WeeklySummary {
  /** The week reported, Monday to Sunday; the figures are those at the end of `to`. */
  from: CalendarDate;
  to: CalendarDate;
  /** The day last week's figures are of: `to` a week before. */
  previousTo: CalendarDate;
  currencies: {
    currency: string;
    figures: SummaryFigure[];
    /** The debtors whose overdue amount moved most in the week, largest first. */
    movements: (DebtorMovement & { debtorName: string })[];
  }[];
}

/** A debtor whose overdue amount moved in the week (cents; negative: it went down). */
export interface DebtorMovement {
  debtorId: string;
  delta: number;
}

/**
 * The week's largest movements, by size whichever way: the largest rises and the largest falls
 * (each read largest first, at most `limit` of each) merged. Equal sizes: by debtor id, so the
 * list is the same however often it is made.
 */
export function largestMovements<M extends DebtorMovement>(
  rises: readonly M[],
  falls: readonly M[],
  limit = LARGEST_MOVEMENTS,
): M[] {
  return [...rises, ...falls]
    .filter((movement) => movement.delta !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.delta) - Math.abs(a.delta) ||
        (a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0),
    )
    .slice(0, limit);
}

/** Percentages keep one decimal, as the report gives them; a difference of two must not show 0.30000000000000004. */
function roundedLike(unit: SummaryFigure['unit'], value: number): number {
  return unit === 'percent' ? Math.round(value * 10) / 10 : value;
}
