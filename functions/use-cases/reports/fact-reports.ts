import { addDays, type CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { periodIssues } from '../../core/reports/controller-activity';
import { CURE_DAYS, type ReportFamily } from '../../core/reports/fact-counters';
import {
  type DisputeCauseFigures,
  disputeFigures,
  type DunningSegmentFigures,
  dunningFigures,
  type ForecastCurrency,
  forecastFigures,
  type PromiseFigures,
  promiseFigures,
  summed,
  weekStart,
} from '../../core/reports/fact-figures';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { invalid } from '../refusal';

type ReportDeps = { store: Pick<CreditStore, 'listReportCounters' | 'getReportTotals'>; clock: Clock };

/** A period of calendar days in the business time zone, both included; `to` is today when not given. */
interface PeriodQuery {
  from: CalendarDate;
  to?: CalendarDate;
}

interface Period {
  from: CalendarDate;
  to: CalendarDate;
  timeZone: string;
}

async function periodSums(deps: ReportDeps, family: ReportFamily, query: PeriodQuery) {
  const to = query.to ?? localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const issues = periodIssues(query.from, to);
  if (issues.length > 0)
    throw invalid(
      issues.map((issue) => ({ path: `query.${issue.path}`, message: issue.message })),
      'The period cannot be reported as asked.',
    );
  const period: Period = { from: query.from, to, timeZone: BUSINESS_TIME_ZONE };
  return { period, sums: summed(await deps.store.listReportCounters(family, query.from, to)) };
}

export interface DunningReport extends Period {
  cureDays: number;
  definitions: Record<string, string>;
  segments: DunningSegmentFigures[];
}

/** GET /reports/dunning: per segment and step, invoices that reached it, the share cured after it, and where dunning ended. */
export async function dunningReport(deps: ReportDeps, query: PeriodQuery): Promise<DunningReport> {
  const { period, sums } = await periodSums(deps, 'dunning', query);
  return {
    ...period,
    cureDays: CURE_DAYS,
    definitions: {
      segment: 'the dunning policy the invoice was dunned under',
      reached:
        'invoices whose step went out on a day of the period (a letter sent, a call or escalation done); a skipped step is not reached',
      cured: `of those, invoices paid in full within ${CURE_DAYS} days after the step, before any further step`,
      cureRate: 'cured / reached, in percent; a step of the last days of the period may still be cured',
      ended:
        'invoices whose dunning ended on a day of the period (paid, credited, cancelled, handed over, written off) with this step as their last',
    },
    segments: dunningFigures(sums),
  };
}

export interface PromisesReport extends Period {
  definitions: Record<string, string>;
  currencies: PromiseFigures[];
}

/** GET /reports/promises: promises taken, kept, broken and cancelled in the period, and the kept rate. */
export async function promisesReport(deps: ReportDeps, query: PeriodQuery): Promise<PromisesReport> {
  const { period, sums } = await periodSums(deps, 'promises', query);
  return {
    ...period,
    definitions: {
      taken: 'promises taken on a day of the period, and the amount promised (cents)',
      kept: 'promises decided kept on a day of the period (paid on time), and their amount',
      broken: 'promises decided broken on a day of the period, and their amount',
      keptRate: 'kept / (kept + broken), in percent, of the promises decided in the period',
    },
    currencies: promiseFigures(sums),
  };
}

export interface DisputesReport extends Period {
  definitions: Record<string, string>;
  causes: DisputeCauseFigures[];
}

/** GET /reports/disputes: per cause, disputes raised and resolved in the period, the median days, and those open now. */
export async function disputesReport(deps: ReportDeps, query: PeriodQuery): Promise<DisputesReport> {
  const [{ period, sums }, totals] = await Promise.all([
    periodSums(deps, 'disputes', query),
    deps.store.getReportTotals('disputes'),
  ]);
  return {
    ...period,
    definitions: {
      raised: 'disputes raised on a day of the period, and the amount they dispute (cents, per currency)',
      resolved: 'disputes answered (credited, rejected, withdrawn) or settled on a day of the period',
      medianDaysToResolve:
        'the median of the calendar days from raising to resolving, of the disputes resolved in the period',
      openNow: 'disputes waiting for an answer now, whenever raised, and what they dispute',
    },
    causes: disputeFigures(sums, totals),
  };
}

/** How many weeks the forecast shows each way when not asked. */
const DEFAULT_FORECAST_WEEKS = 8;

export interface ForecastReport {
  asOf: CalendarDate;
  timeZone: string;
  weeks: number;
  definitions: Record<string, string>;
  currencies: ForecastCurrency[];
}

/**
 * GET /reports/forecast: what is expected to come in per week from today, next to what came in the
 * weeks before. Reads the days of the past weeks' receipts and the months of the weeks ahead.
 */
export async function forecastReport(deps: ReportDeps, query: { weeks?: number }): Promise<ForecastReport> {
  const weeks = query.weeks ?? DEFAULT_FORECAST_WEEKS;
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const monday = weekStart(today);
  const lastDay = addDays(monday, 7 * weeks - 1);
  const [receipts, expected] = await Promise.all([
    deps.store.listReportCounters('receipts', addDays(monday, -7 * weeks), today),
    // The expected money is kept per month: an item's day is the first of its month.
    deps.store.listReportCounters('expected', `${today.slice(0, 7)}-01`, lastDay),
  ]);
  const received = new Map<string, number>();
  for (const item of receipts)
    for (const [name, amount] of Object.entries(item.counters)) received.set(`${name}|${item.day}`, amount);
  return {
    asOf: today,
    timeZone: BUSINESS_TIME_ZONE,
    weeks,
    definitions: {
      received:
        'payments booked with the day they arrived, per week (Monday to Sunday); cash not yet matched to a debtor is not in it',
      promises: 'open promises, their amount on the promised date',
      instalments: 'the unpaid rest of each open instalment of an active payment plan, on its date',
      invoices:
        "the open balance of invoices under no promise or plan: the debtor's share of invoices paid on time on the due date, the rest its average days late after it (from the debtor's history when the invoice arrived; a debtor without one pays on time)",
    },
    currencies: forecastFigures(today, weeks, received, summed(expected)),
  };
}
