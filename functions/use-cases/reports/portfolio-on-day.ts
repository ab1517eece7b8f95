import { addDays, type CalendarDate, daysBetween, isAfter } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  PORTFOLIO_DEFINITIONS,
  type PortfolioDay,
  periodEndingAt,
  portfolioDay,
} from '../../core/reports/portfolio-day';
import type { PortfolioPosition } from '../../core/reports/portfolio-position';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { invalid } from '../refusal';
import { positionOn, positionsOver } from './portfolio-snapshots';

/** The longest span of days a history answers: a year, as a trend needs. */
const MAX_HISTORY_DAYS = 366;

type Deps = {
  store: Pick<CreditStore, 'getPortfolioSnapshot' | 'listPortfolioSnapshots' | 'listPortfolioCounters'>;
  clock: Clock;
};

export interface PortfolioReportOnDay {
  asOf: CalendarDate;
  /** One entry per currency: amounts of different currencies are never added up. */
  currencies: PortfolioDay[];
  definitions: typeof PORTFOLIO_DEFINITIONS;
}

export interface PortfolioHistory {
  from: CalendarDate;
  to: CalendarDate;
  days: { asOf: CalendarDate; currencies: PortfolioDay[] }[];
  definitions: typeof PORTFOLIO_DEFINITIONS;
}

/** GET /reports/portfolio?asOf=: the portfolio at the end of a day (today, as it stands now). */
export async function portfolioOnDay(
  deps: Deps,
  query: { asOf?: CalendarDate },
): Promise<PortfolioReportOnDay> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const asOf = query.asOf ?? today;
  if (isAfter(asOf, today))
    throw invalid([{ path: 'query.asOf', message: `must not be after today (${today})` }]);
  const [closing, opening] = await Promise.all([
    positionOn(deps.store, asOf),
    positionOn(deps.store, addDays(periodEndingAt(asOf).from, -1)),
  ]);
  return { asOf, currencies: figuresOf(asOf, closing, opening), definitions: PORTFOLIO_DEFINITIONS };
}

/** GET /reports/portfolio/history?from=&to=: the same figures for each day of a span. */
export async function portfolioHistory(
  deps: Deps,
  query: { from: CalendarDate; to?: CalendarDate },
): Promise<PortfolioHistory> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const { from } = query;
  const to = query.to ?? today;
  if (isAfter(to, today))
    throw invalid([{ path: 'query.to', message: `must not be after today (${today})` }]);
  if (isAfter(from, to)) throw invalid([{ path: 'query.from', message: `must not be after to (${to})` }]);
  if (daysBetween(from, to) >= MAX_HISTORY_DAYS) {
    throw invalid([{ path: 'query.from', message: `must be at most ${MAX_HISTORY_DAYS} days before to` }]);
  }
  return { from, to, days: await portfolioDays(deps.store, from, to), definitions: PORTFOLIO_DEFINITIONS };
}

/** The figures of each day from `from` to `to`, with the positions their periods open with. */
async function portfolioDays(
  store: Deps['store'],
  from: CalendarDate,
  to: CalendarDate,
): Promise<{ asOf: CalendarDate; currencies: PortfolioDay[] }[]> {
  const positions = await positionsOver(store, addDays(periodEndingAt(from).from, -1), to);
  const days: { asOf: CalendarDate; currencies: PortfolioDay[] }[] = [];
  for (let asOf = from; !isAfter(asOf, to); asOf = addDays(asOf, 1)) {
    const closing = positions.get(asOf);
    const opening = positions.get(addDays(periodEndingAt(asOf).from, -1));
    days.push({ asOf, currencies: figuresOf(asOf, closing, opening) });
  }
  return days;
}

/** The figures of every currency on `asOf`, from its position then and at the start of its period. */
function figuresOf(
  asOf: CalendarDate,
  closing: PortfolioPosition | undefined,
  opening: PortfolioPosition | undefined,
): PortfolioDay[] {
  return currenciesOf(closing, opening).map((currency) =>
    portfolioDay(currency, asOf, closing?.currencies[currency], opening?.currencies[currency]),
  );
}

function currenciesOf(...positions: (PortfolioPosition | undefined)[]): string[] {
  return [...new Set(positions.flatMap((position) => Object.keys(position?.currencies ?? {})))].sort();
}
