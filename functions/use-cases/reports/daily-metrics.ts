import { addDays, type CalendarDate, isAfter } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import {
  CURE_RATE_WINDOW_DAYS,
  type DailyFigures,
  dailyMetricPoints,
  type MetricPoint,
} from '../../core/reports/business-metrics';
import { CURE_DAYS } from '../../core/reports/fact-counters';
import type { DunningSegmentFigures } from '../../core/reports/fact-figures';
import type { CollectionTask } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { disputesReport, dunningReport, promisesReport } from './fact-reports';
import { portfolioOnDay } from './portfolio-on-day';

type Deps = {
  store: Pick<
    CreditStore,
    | 'getPortfolioSnapshot'
    | 'listPortfolioSnapshots'
    | 'listPortfolioCounters'
    | 'listReportCounters'
    | 'getReportTotals'
    | 'listOpenTasks'
  >;
  clock: Clock;
};

/**
 * The figures of the day the sweep just closed (yesterday), as metric points for the dashboard:
 * the portfolio from its daily snapshot and that of a week before, and the day's counters of the
 * dunning, promise and dispute reports, through the same report functions the API answers with.
 * A bounded number of reads (two snapshots, a few days of counters), plus the open tasks, which
 * are the controllers' work in hand rather than the portfolio.
 */
export async function dailyMetrics(deps: Deps): Promise<{ day: CalendarDate; points: MetricPoint[] }> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const day = addDays(today, -1);
  // Steps reached in these days have had their cure days: their cure rate no longer changes.
  const cureTo = addDays(day, -CURE_DAYS);
  const cureFrom = addDays(cureTo, 1 - CURE_RATE_WINDOW_DAYS);
  const [portfolio, weekBefore, dunning, cure, promises, disputes, tasks] = await Promise.all([
    portfolioOnDay(deps, { asOf: day }),
    portfolioOnDay(deps, { asOf: addDays(day, -7) }),
    dunningReport(deps, { from: day, to: day }),
    dunningReport(deps, { from: cureFrom, to: cureTo }),
    promisesReport(deps, { from: day, to: day }),
    disputesReport(deps, { from: day, to: day }),
    deps.store.listOpenTasks(),
  ]);
  const figures: DailyFigures = {
    portfolio: portfolio.currencies,
    weekBefore: weekBefore.currencies,
    disputesOpen: disputes.causes.reduce((sum, cause) => sum + cause.openNow, 0),
    tasks: { open: tasks.length, overdue: tasks.filter((task) => isTaskOverdue(task, today)).length },
    stepsReached: perStep(dunning.segments, (totals) => totals.reached),
    cureRates: perStep(cure.segments, (totals) =>
      totals.reached > 0 ? Math.round((totals.cured / totals.reached) * 1000) / 10 : null,
    ),
    promises: promises.currencies.reduce(
      (sum, currency) => ({
        kept: sum.kept + currency.kept.count,
        broken: sum.broken + currency.broken.count,
      }),
      { kept: 0, broken: 0 },
    ),
  };
  return { day, points: dailyMetricPoints(figures) };
}

/** A task still open after the day it was due, or snoozed to when that is later. */
export function isTaskOverdue(
  task: Pick<CollectionTask, 'dueDate' | 'snoozed'>,
  today: CalendarDate,
): boolean {
  const dueBy = task.snoozed && isAfter(task.snoozed.until, task.dueDate) ? task.snoozed.until : task.dueDate;
  return isAfter(today, dueBy);
}

/** A figure of every step, over the segments (the dashboard shows no segments): a quiet day counts 0. */
function perStep<T>(
  segments: readonly DunningSegmentFigures[],
  figure: (totals: { reached: number; cured: number }) => T,
): Partial<Record<DunningSlot, T>> {
  const result: Partial<Record<DunningSlot, T>> = {};
  for (const step of DUNNING_SLOTS) {
    const totals = { reached: 0, cured: 0 };
    for (const segment of segments)
      for (const figures of segment.steps)
        if (figures.step === step) {
          totals.reached += figures.reached;
          totals.cured += figures.cured;
        }
    result[step] = figure(totals);
  }
  return result;
}
