import { addDays, type CalendarDate, isBefore } from '../calendar/calendar-date';
import { UNCHASED_REASONS, type UnchasedReason } from './invoice-position';

/** An amount in cents and the number of invoices (or write-offs) it is made of. */
export interface Tally {
  amount: number;
  count: number;
}

/**
 * Balances by due date. Due dates more than `AGING_HORIZON_DAYS` before the position's day are
 * merged into `older`: they are in the last aging bucket on that day and on every day after it.
 */
export interface DueLadder {
  byDueDate: Record<CalendarDate, Tally>;
  older: Tally;
}

/**
 * The portfolio of one currency at the end of one day, as the sum of every counter change up to
 * it, kept small: a daily snapshot holds one per currency. The days kept one by one are what the
 * reports of that day need (the aging buckets, the last 90 days of sales); what lies before them is
 * merged by month or into one figure.
 */
export interface CurrencyPosition {
  open: DueLadder;
  unchased: Partial<Record<UnchasedReason, DueLadder>>;
  /** Credit sales by issue date for issue dates from `SALES_WINDOW_DAYS` before the day on. */
  salesByDay: Record<CalendarDate, number>;
  /** Credit sales of earlier issue dates, by month (`YYYY-MM`). */
  salesByMonth: Record<string, number>;
  writtenOff: Tally;
}

/** A position of every currency at the end of `day`. */
export interface PortfolioPosition {
  day: CalendarDate;
  currencies: Record<string, CurrencyPosition>;
}

/** The last aging bucket starts after 120 days past due. */
const AGING_HORIZON_DAYS = 120;
/** The standard DSO reads the last 90 days of sales; the month of the CEI lies within them. */
export const SALES_WINDOW_DAYS = 90;

export function emptyPosition(day: CalendarDate): PortfolioPosition {
  return { day, currencies: {} };
}

function emptyCurrency(): CurrencyPosition {
  return {
    open: emptyLadder(),
    unchased: {},
    salesByDay: {},
    salesByMonth: {},
    writtenOff: { amount: 0, count: 0 },
  };
}

function emptyLadder(): DueLadder {
  return { byDueDate: {}, older: { amount: 0, count: 0 } };
}

/** The counters of one fact day, per currency (see `CounterChange` for the names). */
export interface DayCounters {
  day: CalendarDate;
  currency: string;
  counters: Record<string, number>;
}

/**
 * The position at the end of `day`: the position of an earlier day plus the counters of the days
 * after it up to `day` (those of other days are not read), then merged for `day`.
 */
export function rollForward(
  from: PortfolioPosition,
  counters: readonly DayCounters[],
  day: CalendarDate,
): PortfolioPosition {
  const currencies = structuredClone(from.currencies);
  for (const entry of counters) {
    if (!isBefore(from.day, entry.day) || isBefore(day, entry.day)) continue;
    const position = (currencies[entry.currency] ??= emptyCurrency());
    for (const [name, value] of Object.entries(entry.counters)) addCounter(position, name, value);
  }
  for (const position of Object.values(currencies)) compact(position, day);
  return { day, currencies };
}

function addCounter(position: CurrencyPosition, name: string, value: number): void {
  const [kind, ...rest] = name.split(':');
  const date = rest.at(-1) ?? '';
  switch (kind) {
    case 'open':
      tallyAt(position.open, date).amount += value;
      return;
    case 'openCount':
      tallyAt(position.open, date).count += value;
      return;
    case 'unchased':
    case 'unchasedCount': {
      const reason = rest[0] as UnchasedReason;
      if (!UNCHASED_REASONS.includes(reason)) return;
      const tally = tallyAt((position.unchased[reason] ??= emptyLadder()), date);
      if (kind === 'unchased') tally.amount += value;
      else tally.count += value;
      return;
    }
    case 'sales':
      position.salesByDay[date] = (position.salesByDay[date] ?? 0) + value;
      return;
    case 'writtenOff':
      position.writtenOff.amount += value;
      return;
    case 'writeOffs':
      position.writtenOff.count += value;
      return;
  }
}

function tallyAt(ladder: DueLadder, dueDate: CalendarDate): Tally {
  return (ladder.byDueDate[dueDate] ??= { amount: 0, count: 0 });
}

/** Merges what `day` no longer needs one by one, and drops what nets to nothing. */
function compact(position: CurrencyPosition, day: CalendarDate): void {
  const horizon = addDays(day, -AGING_HORIZON_DAYS);
  for (const ladder of [position.open, ...Object.values(position.unchased)]) {
    for (const [dueDate, tally] of Object.entries(ladder.byDueDate)) {
      if (isBefore(dueDate, horizon)) {
        ladder.older.amount += tally.amount;
        ladder.older.count += tally.count;
        delete ladder.byDueDate[dueDate];
      } else if (tally.amount === 0 && tally.count === 0) delete ladder.byDueDate[dueDate];
    }
  }
  for (const reason of UNCHASED_REASONS) {
    const ladder = position.unchased[reason];
    if (ladder && isEmptyLadder(ladder)) delete position.unchased[reason];
  }
  const salesFrom = addDays(day, 1 - SALES_WINDOW_DAYS);
  for (const [issueDate, amount] of Object.entries(position.salesByDay)) {
    if (isBefore(issueDate, salesFrom)) {
      const month = issueDate.slice(0, 7);
      position.salesByMonth[month] = (position.salesByMonth[month] ?? 0) + amount;
      delete position.salesByDay[issueDate];
    } else if (amount === 0) delete position.salesByDay[issueDate];
  }
  for (const [month, amount] of Object.entries(position.salesByMonth)) {
    if (amount === 0) delete position.salesByMonth[month];
  }
}

function isEmptyLadder(ladder: DueLadder): boolean {
  return Object.keys(ladder.byDueDate).length === 0 && ladder.older.amount === 0 && ladder.older.count === 0;
}
