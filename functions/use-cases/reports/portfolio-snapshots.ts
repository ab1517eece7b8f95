import { addDays, type CalendarDate, isAfter, isBefore } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  type DayCounters,
  emptyPosition,
  type PortfolioPosition,
  rollForward,
} from '../../core/reports/portfolio-position';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';

/**
 * How far back the ledger is read where no snapshot lies before a day: before the first sweep that
 * closed a day, or for a day before the ledger began. The first sweep writes an empty snapshot on
 * the day before the earliest counters it finds, so later reads always find one.
 */
const LEDGER_LOOKBACK_DAYS = 731;

type Store = Pick<CreditStore, 'getPortfolioSnapshot' | 'listPortfolioSnapshots' | 'listPortfolioCounters'>;

/**
 * The daily sweep closes every day up to yesterday: the snapshot of a day is that of the day
 * before plus the day's counters. A sweep that did not run for some days closes each of them; the
 * first one ever starts from an empty portfolio. Writing a day again writes the same snapshot.
 */
export async function closePortfolioDays(deps: {
  store: Store & Pick<CreditStore, 'putPortfolioSnapshot'>;
  clock: Clock;
}): Promise<{ closed: CalendarDate[] }> {
  const yesterday = addDays(localDate(deps.clock.now(), BUSINESS_TIME_ZONE), -1);
  const latest = await deps.store.getPortfolioSnapshot(yesterday);
  if (latest?.day === yesterday) return { closed: [] };
  const since = latest?.day ?? addDays(yesterday, -LEDGER_LOOKBACK_DAYS);
  const counters = await dayCounters(deps.store, addDays(since, 1), yesterday);
  let position = latest;
  if (!position) {
    const first = [...counters.keys()].sort()[0] ?? yesterday;
    position = emptyPosition(addDays(first, -1));
    await deps.store.putPortfolioSnapshot(position);
  }
  const closed: CalendarDate[] = [];
  for (let day = addDays(position.day, 1); !isAfter(day, yesterday); day = addDays(day, 1)) {
    position = rollForward(position, counters.get(day) ?? [], day);
    await deps.store.putPortfolioSnapshot(position);
    closed.push(day);
  }
  return { closed };
}

/**
 * The portfolio at the end of each day from `from` to `to` (today: as it stands now): the snapshot
 * of a day where the sweep wrote one, otherwise the position of the day before plus the day's
 * counters. Reads the snapshot before `from`, the snapshots of the span and the counters of the
 * days without one: a number of items that depends on the days asked for, not on the invoices.
 */
export async function positionsOver(
  store: Store,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Map<CalendarDate, PortfolioPosition>> {
  const before = addDays(from, -1);
  const [base, snapshots] = await Promise.all([
    store.getPortfolioSnapshot(before),
    store.listPortfolioSnapshots(from, to),
  ]);
  let position = base ?? emptyPosition(addDays(before, -LEDGER_LOOKBACK_DAYS));
  const snapshotOf = new Map(snapshots.map((snapshot) => [snapshot.day, snapshot]));
  const unclosed: CalendarDate[] = [];
  for (let day = addDays(position.day, 1); !isAfter(day, to); day = addDays(day, 1))
    if (!snapshotOf.has(day)) unclosed.push(day);
  const first = unclosed[0];
  const last = unclosed.at(-1);
  const counters = first && last ? await dayCounters(store, first, last) : new Map<string, DayCounters[]>();

  const positions = new Map<CalendarDate, PortfolioPosition>();
  for (let day = addDays(position.day, 1); !isAfter(day, to); day = addDays(day, 1)) {
    position = snapshotOf.get(day) ?? rollForward(position, counters.get(day) ?? [], day);
    if (!isBefore(day, from)) positions.set(day, position);
  }
  return positions;
}

/**
 * The portfolio at the end of one day: the latest snapshot on or before it, plus the counters of
 * the days after that snapshot (today's alone, once the sweep closed yesterday). One query for
 * the snapshot and one per month of counters.
 */
export async function positionOn(store: Store, day: CalendarDate): Promise<PortfolioPosition> {
  const base = (await store.getPortfolioSnapshot(day)) ?? emptyPosition(addDays(day, -LEDGER_LOOKBACK_DAYS));
  if (base.day === day) return base;
  const counters = await dayCounters(store, addDays(base.day, 1), day);
  return rollForward(base, [...counters.values()].flat(), day);
}

/** The ledger's counters of a span of days, by day. */
async function dayCounters(
  store: Pick<CreditStore, 'listPortfolioCounters'>,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Map<CalendarDate, DayCounters[]>> {
  const byDay = new Map<CalendarDate, DayCounters[]>();
  if (isAfter(from, to)) return byDay;
  for (const entry of await store.listPortfolioCounters(from, to)) {
    const day = byDay.get(entry.day) ?? [];
    day.push(entry);
    byDay.set(entry.day, day);
  }
  return byDay;
}
