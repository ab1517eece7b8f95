import type { DunningSlot } from '../dunning/dunning-slot';
import type { PortfolioBucket, PortfolioDay } from './portfolio-day';

/**
 * The names of the business metrics the functions publish (EMF, namespace `CreditControl`, with
 * the `service` and `stage` dimensions every metric carries) and the CloudWatch dashboard and
 * alarms read (lib/constructs/observability.ts): one list, so that a name cannot drift between
 * the code that writes a metric and the widget that shows it. Dimensions are few and bounded
 * (currencies, aging buckets, dunning steps): never a debtor, invoice or person.
 *
 * Amounts are published in cents, as the system keeps them, and the names say so; the dashboard
 * divides by 100 to show euros.
 */
export const DAILY_METRIC = {
  /** The receivables of a currency at the end of the day (cents). */
  openAmountCents: 'OpenAmountCents',
  /** The part of them past the due date (cents). */
  overdueAmountCents: 'OverdueAmountCents',
  /** The receivables of a currency in one aging bucket (cents). */
  agingAmountCents: 'AgingAmountCents',
  /** The standard DSO of a currency, in whole days (absent without sales to measure by). */
  dsoDays: 'DsoDays',
  /** The overdue amount of a currency against that of seven days before, in percent (absent when that was nothing). */
  overdueWeekOnWeekPercent: 'OverdueAmountWeekOnWeekPercent',
  /** The largest of those changes over the currencies: what the week-on-week alarm reads. */
  highestOverdueWeekOnWeekPercent: 'HighestOverdueWeekOnWeekPercent',
  /** Disputes waiting for an answer. */
  disputesOpen: 'DisputesOpen',
  /** Open tasks of the controllers, managers and special team. */
  tasksOpen: 'TasksOpen',
  /** Of those, past the day they were due (or snoozed to). */
  tasksOverdue: 'TasksOverdue',
  /** Invoices that reached a dunning step on the day (a letter sent, a call or escalation done), per step. */
  stepsReached: 'DunningStepsReached',
  /** Of the invoices that reached a step in the four weeks whose cure days are over, the share paid within them. */
  cureRatePercent: 'DunningCureRatePercent',
  /** Promises decided kept on the day. */
  promisesKept: 'PromisesKept',
  /** Promises decided broken on the day. */
  promisesBroken: 'PromisesBroken',
} as const;

/**
 * Counted as the facts happen, one per step that acted (functions/use-cases/steps/step-report.ts):
 * a daily Sum is what happened that day.
 */
export const STEP_ACTED_METRIC: Record<DunningSlot, string> = {
  firstReminder: 'RemindersSent',
  secondReminder: 'RemindersSent',
  call: 'CallTasksCreated',
  accountManager: 'AccountManagerEscalations',
  finalNotice: 'FinalNoticesSent',
  collectionAgency: 'HandedOverToAgency',
};

/** One per day's run of the sweep that read the due-invoice index to its end: the "sweep ran" signal. */
export const SWEEP_COMPLETED_METRIC = 'SweepCompleted';

export const METRIC_DIMENSION = {
  currency: 'currency',
  bucket: 'bucket',
  step: 'step',
} as const;

/** The days of steps the cure rate is measured over, once their cure days are over. */
export const CURE_RATE_WINDOW_DAYS = 28;

/** A value to publish, in the unit its name says. */
export interface MetricPoint {
  name: string;
  unit: 'Count' | 'Percent' | 'None';
  value: number;
  dimensions: Record<string, string>;
}

/** What the sweep reads for the day it closed: the same report functions the API answers with. */
export interface DailyFigures {
  /** The portfolio per currency at the end of the day. */
  portfolio: readonly PortfolioDay[];
  /** The same seven days before. */
  weekBefore: readonly PortfolioDay[];
  disputesOpen: number;
  tasks: { open: number; overdue: number };
  /** Per step, invoices that reached it on the day. */
  stepsReached: Partial<Record<DunningSlot, number>>;
  /** Per step, the cure rate over the window (null: none reached it). */
  cureRates: Partial<Record<DunningSlot, number | null>>;
  promises: { kept: number; broken: number };
}

/**
 * The figures of one closed day as metric points. Amounts stay in cents (integers); a figure that
 * does not exist (a DSO without sales, a change from nothing) is left out rather than published as 0,
 * so that a graph shows a gap and not a false value.
 */
export function dailyMetricPoints(figures: DailyFigures): MetricPoint[] {
  const points: MetricPoint[] = [];
  const add = (
    name: string,
    unit: MetricPoint['unit'],
    value: number,
    dimensions: Record<string, string> = {},
  ) => points.push({ name, unit, value, dimensions });

  const changes: number[] = [];
  for (const day of figures.portfolio) {
    const currency = { [METRIC_DIMENSION.currency]: day.currency };
    add(DAILY_METRIC.openAmountCents, 'None', day.open.amount, currency);
    add(DAILY_METRIC.overdueAmountCents, 'None', day.overdue.amount, currency);
    for (const [bucket, tally] of Object.entries(day.aging) as [PortfolioBucket, { amount: number }][])
      add(DAILY_METRIC.agingAmountCents, 'None', tally.amount, {
        ...currency,
        [METRIC_DIMENSION.bucket]: bucket,
      });
    if (day.dso.standard !== null) add(DAILY_METRIC.dsoDays, 'None', day.dso.standard, currency);
    const before = figures.weekBefore.find((other) => other.currency === day.currency)?.overdue.amount ?? 0;
    const change = weekOnWeekPercent(before, day.overdue.amount);
    if (change !== null) {
      changes.push(change);
      add(DAILY_METRIC.overdueWeekOnWeekPercent, 'Percent', change, currency);
    }
  }
  if (changes.length > 0) add(DAILY_METRIC.highestOverdueWeekOnWeekPercent, 'Percent', Math.max(...changes));

  add(DAILY_METRIC.disputesOpen, 'Count', figures.disputesOpen);
  add(DAILY_METRIC.tasksOpen, 'Count', figures.tasks.open);
  add(DAILY_METRIC.tasksOverdue, 'Count', figures.tasks.overdue);
  for (const [step, reached] of Object.entries(figures.stepsReached))
    add(DAILY_METRIC.stepsReached, 'Count', reached, { [METRIC_DIMENSION.step]: step });
  for (const [step, rate] of Object.entries(figures.cureRates))
    if (rate !== null) add(DAILY_METRIC.cureRatePercent, 'Percent', rate, { [METRIC_DIMENSION.step]: step });
  add(DAILY_METRIC.promisesKept, 'Count', figures.promises.kept);
  add(DAILY_METRIC.promisesBroken, 'Count', figures.promises.broken);
  return points;
}

/** The change from `before` to `now` in percent, one decimal; null from nothing (no share of nothing). */
export function weekOnWeekPercent(before: number, now: number): number | null {
  if (before <= 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}
