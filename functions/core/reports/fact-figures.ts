import { addDays, type CalendarDate, isoWeekday } from '../calendar/calendar-date';
import { DUNNING_SLOTS } from '../dunning/dunning-slot';
import type { Money } from '../money';
import { BEFORE_FIRST_STEP, type ReportCounters } from './fact-counters';

/**
 * The figures of GET /reports/dunning, /promises, /disputes and /forecast, worked out from the
 * counters of a period (core/reports/fact-counters.ts): sums, rates and a median, nothing read
 * from the invoices themselves.
 */

/** A count and its amount in one currency. */
export interface Tallied {
  count: number;
  amount: number;
}

/** Every counter of the items summed by name. */
export function summed(items: readonly Pick<ReportCounters, 'counters'>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items)
    for (const [name, value] of Object.entries(item.counters)) sums.set(name, (sums.get(name) ?? 0) + value);
  return sums;
}

/** A share in percent with one decimal; null when there is nothing to divide by. */
function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export interface DunningStepFigures {
  step: string;
  /** Invoices that reached the step in the period (the letter went out, the call or hand-over was done). */
  reached: number;
  /** Of those, paid in full within the cure days after the step, with no further step between. */
  cured: number;
  /** cured / reached in percent; null when none reached it. */
  cureRate: number | null;
  /** Invoices whose dunning ended in the period (paid, credited, cancelled, handed over, written off) with this as their last step. */
  ended: number;
}

export interface DunningSegmentFigures {
  segment: string;
  steps: DunningStepFigures[];
  /** Invoices whose dunning ended in the period before any step was reached. */
  endedBeforeFirstStep: number;
}

/** Per segment (the dunning policy) and per step in the order the machine runs them. */
export function dunningFigures(sums: ReadonlyMap<string, number>): DunningSegmentFigures[] {
  const segments = new Set<string>();
  for (const name of sums.keys()) segments.add(name.split('|')[1] ?? '');
  return [...segments]
    .sort()
    .map((segment) => {
      const count = (name: string, step: string) => sums.get(`${name}|${segment}|${step}`) ?? 0;
      return {
        segment,
        steps: DUNNING_SLOTS.map((step) => {
          const reached = count('reached', step);
          const cured = count('cured', step);
          return { step, reached, cured, cureRate: percent(cured, reached), ended: count('ended', step) };
        }).filter((step) => step.reached > 0 || step.ended > 0 || step.cured > 0),
        endedBeforeFirstStep: count('ended', BEFORE_FIRST_STEP),
      };
    })
    .filter((segment) => segment.steps.length > 0 || segment.endedBeforeFirstStep !== 0);
}

export interface PromiseFigures {
  currency: string;
  taken: Tallied;
  kept: Tallied;
  broken: Tallied;
  cancelled: Tallied;
  /** kept / (kept + broken) in percent, of the promises decided in the period; null when none was. */
  keptRate: number | null;
}

export function promiseFigures(sums: ReadonlyMap<string, number>): PromiseFigures[] {
  const currencies = new Set<string>();
  for (const name of sums.keys()) currencies.add(name.split('|')[1] ?? '');
  return [...currencies]
    .sort()
    .map((currency) => {
      const tally = (status: string) => ({
        count: sums.get(`${status}|${currency}`) ?? 0,
        amount: sums.get(`${status}Amount|${currency}`) ?? 0,
      });
      const kept = tally('kept');
      const broken = tally('broken');
      return {
        currency,
        taken: tally('taken'),
        kept,
        broken,
        cancelled: tally('cancelled'),
        keptRate: percent(kept.count, kept.count + broken.count),
      };
    })
    .filter((figures) =>
      [figures.taken, figures.kept, figures.broken, figures.cancelled].some((tally) => tally.count !== 0),
    );
}

export interface DisputeCauseFigures {
  cause: string;
  /** Raised in the period, and what they dispute per currency. */
  raised: number;
  amount: Money[];
  /** Resolved in the period (answered, or settled while open), and the median of the days each took. */
  resolved: number;
  medianDaysToResolve: number | null;
  /** Waiting for an answer now, whenever raised, and what they dispute. */
  openNow: number;
  openAmount: Money[];
}

/** Per cause: the period's counters, and the running totals of what is open now. */
export function disputeFigures(
  period: ReadonlyMap<string, number>,
  totals: Readonly<Record<string, number>>,
): DisputeCauseFigures[] {
  const causes = new Set<string>();
  for (const name of period.keys()) causes.add(name.split('|')[1] ?? '');
  for (const [name, value] of Object.entries(totals))
    if (name.startsWith('open|') && value !== 0) causes.add(name.split('|')[1] ?? '');
  const money = (entries: [string, number][], prefix: string): Money[] =>
    entries
      .filter(([name, amount]) => name.startsWith(prefix) && amount !== 0)
      .map(([name, amount]) => ({ currency: name.slice(prefix.length), amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
  return [...causes]
    .sort()
    .map((cause) => {
      const histogram = new Map<number, number>();
      for (const [name, count] of period)
        if (name.startsWith(`days|${cause}|`))
          histogram.set(Number(name.slice(`days|${cause}|`.length)), count);
      return {
        cause,
        raised: period.get(`raised|${cause}`) ?? 0,
        amount: money([...period], `amount|${cause}|`),
        resolved: period.get(`resolved|${cause}`) ?? 0,
        medianDaysToResolve: median(histogram),
        openNow: totals[`open|${cause}`] ?? 0,
        openAmount: money(Object.entries(totals), `openAmount|${cause}|`),
      };
    })
    .filter((figures) => figures.raised !== 0 || figures.resolved !== 0 || figures.openNow !== 0);
}

/** The median of a histogram of whole days (value → how many): the middle one, or the mean of the two middle ones. */
export function median(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const [value, count] of values) {
      seen += count;
      if (index < seen) return value;
    }
    return values.at(-1)?.[0] ?? 0;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** The Monday of the week a day is in (weeks run Monday to Sunday). */
export function weekStart(day: CalendarDate): CalendarDate {
  return addDays(day, 1 - isoWeekday(day));
}

export interface ForecastWeek {
  /** Monday and Sunday of the week. */
  from: CalendarDate;
  to: CalendarDate;
  /** What came in, up to today; null for a week to come. */
  received: number | null;
  /** What is expected from today on: promises, instalments and open invoices by their weighted dates; null for a past week. */
  expected: { promises: number; instalments: number; invoices: number; total: number } | null;
}

export interface ForecastCurrency {
  currency: string;
  weeks: ForecastWeek[];
}

/**
 * `weeks` weeks before this one (what came in), this week (what came in so far and what is expected
 * for the rest of it) and the weeks after it up to `weeks` in all from this one (what is expected).
 * A currency with nothing received or expected in those weeks is left out.
 */
export function forecastFigures(
  today: CalendarDate,
  weeks: number,
  received: ReadonlyMap<string, number>,
  expected: ReadonlyMap<string, number>,
): ForecastCurrency[] {
  const currencies = new Set<string>();
  for (const name of [...received.keys(), ...expected.keys()]) currencies.add(name.split('|')[1] ?? '');
  const monday = weekStart(today);
  return [...currencies]
    .sort()
    .map((currency) => {
      const rows: ForecastWeek[] = [];
      for (let w = -weeks; w < weeks; w++) {
        const from = addDays(monday, 7 * w);
        const to = addDays(from, 6);
        let paid = 0;
        const ahead = { promises: 0, instalments: 0, invoices: 0, total: 0 };
        for (let d = 0; d < 7; d++) {
          const day = addDays(from, d);
          if (day <= today) paid += received.get(`received|${currency}|${day}`) ?? 0;
          if (day >= today)
            for (const source of ['promises', 'instalments', 'invoices'] as const) {
              const amount = expected.get(`${source}|${currency}|${day}`) ?? 0;
              ahead[source] += amount;
              ahead.total += amount;
            }
        }
        rows.push({ from, to, received: from <= today ? paid : null, expected: to >= today ? ahead : null });
      }
      return { currency, weeks: rows };
    })
    .filter(({ weeks: rows }) =>
      rows.some((row) => (row.received ?? 0) !== 0 || (row.expected?.total ?? 0) !== 0),
    );
}
