import { Duration } from 'aws-cdk-lib';
import {
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  type Metric,
  SingleValueWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { DUNNING_SLOTS } from '../../functions/core/dunning/dunning-slot';
import {
  DAILY_METRIC,
  METRIC_DIMENSION,
  STEP_ACTED_METRIC,
} from '../../functions/core/reports/business-metrics';
import { PORTFOLIO_BUCKETS } from '../../functions/core/reports/portfolio-day';

/** A metric of the functions' namespace under the service's dimensions and these. */
export type BusinessMetric = (
  metricName: string,
  options?: { dimensions?: Record<string, string>; statistic?: string; period?: Duration; label?: string },
) => Metric;

/**
 * The currency the dashboard shows amounts in: the creditor's books and the statutory costs are
 * in euros. Invoices in another currency publish under their own `currency` dimension, which the
 * metrics console graphs; the week-on-week alarm reads every currency.
 */
const DASHBOARD_CURRENCY = 'EUR';

const DAY = Duration.days(1);

/**
 * The portfolio section of the dashboard. The figures of a closed day are published once, by the
 * morning's sweep, so a daily Maximum is that day's figure (a second sweep the same day publishes
 * the same again); the steps that act count themselves as they happen, so a daily Sum is the day's.
 * Amounts are published in cents and shown in euros.
 */
export function portfolioWidgets(business: BusinessMetric, weekOnWeekAlarmPercent: number): IWidget[] {
  const daily = (metricName: string, label: string, dimensions: Record<string, string> = {}) =>
    business(metricName, { dimensions, statistic: 'Maximum', period: DAY, label });
  const inCurrency = { [METRIC_DIMENSION.currency]: DASHBOARD_CURRENCY };
  // Ids are unique within a widget: the label, as an id may spell it.
  const euros = (metricName: string, label: string, dimensions: Record<string, string> = {}) => {
    const id = `cents_${label.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
    return new MathExpression({
      expression: `${id} / 100`,
      usingMetrics: { [id]: daily(metricName, label, { ...inCurrency, ...dimensions }) },
      period: DAY,
      label,
    });
  };
  const aging = (bucket: string) =>
    euros(DAILY_METRIC.agingAmountCents, bucket, { [METRIC_DIMENSION.bucket]: bucket });
  const perStep = (metricName: string) =>
    DUNNING_SLOTS.map((step) => daily(metricName, step, { [METRIC_DIMENSION.step]: step }));
  const sumPerDay = (metricName: string, label: string): IMetric =>
    business(metricName, { statistic: 'Sum', period: DAY, label });
  const actedBy = (slot: keyof typeof STEP_ACTED_METRIC) => STEP_ACTED_METRIC[slot];

  return [
    new GraphWidget({
      title: `Open and overdue amount (${DASHBOARD_CURRENCY})`,
      width: 12,
      left: [euros(DAILY_METRIC.openAmountCents, 'Open'), euros(DAILY_METRIC.overdueAmountCents, 'Overdue')],
      leftYAxis: { label: DASHBOARD_CURRENCY, showUnits: false, min: 0 },
    }),
    new GraphWidget({
      title: `Aging of the receivables (${DASHBOARD_CURRENCY}, stacked by days past due)`,
      width: 12,
      stacked: true,
      left: PORTFOLIO_BUCKETS.map(aging),
      leftYAxis: { label: DASHBOARD_CURRENCY, showUnits: false, min: 0 },
    }),
    new SingleValueWidget({
      title: `Aging at the last closed day (${DASHBOARD_CURRENCY})`,
      width: 24,
      height: 3,
      metrics: PORTFOLIO_BUCKETS.map(aging),
    }),
    new GraphWidget({
      title: `DSO (days, ${DASHBOARD_CURRENCY})`,
      width: 8,
      left: [daily(DAILY_METRIC.dsoDays, 'DSO', inCurrency)],
      leftYAxis: { showUnits: false, min: 0 },
    }),
    new GraphWidget({
      title: 'Overdue amount week on week (%)',
      width: 8,
      left: [
        daily(DAILY_METRIC.overdueWeekOnWeekPercent, DASHBOARD_CURRENCY, inCurrency),
        daily(DAILY_METRIC.highestOverdueWeekOnWeekPercent, 'Highest of any currency'),
      ],
      leftAnnotations: [{ value: weekOnWeekAlarmPercent, label: 'Alarm' }],
      leftYAxis: { showUnits: false },
    }),
    new GraphWidget({
      title: 'Disputes, tasks open and overdue',
      width: 8,
      left: [
        daily(DAILY_METRIC.disputesOpen, 'Disputes open'),
        daily(DAILY_METRIC.tasksOpen, 'Tasks open'),
        daily(DAILY_METRIC.tasksOverdue, 'Tasks overdue'),
      ],
      leftYAxis: { showUnits: false, min: 0 },
    }),
    new GraphWidget({
      title: 'Letters and escalations per day, as they happen',
      width: 12,
      left: [
        sumPerDay(actedBy('firstReminder'), 'Reminders sent'),
        sumPerDay(actedBy('finalNotice'), 'Final notices sent'),
        sumPerDay(actedBy('call'), 'Call tasks created'),
        sumPerDay(actedBy('accountManager'), 'Account manager escalations'),
        sumPerDay(actedBy('collectionAgency'), 'Handed over to the agency'),
      ],
      leftYAxis: { showUnits: false, min: 0 },
    }),
    new GraphWidget({
      title: 'Invoices reaching each dunning step per day',
      width: 12,
      left: perStep(DAILY_METRIC.stepsReached),
      leftYAxis: { showUnits: false, min: 0 },
    }),
    new GraphWidget({
      title: 'Cure rate per step (%): paid within 14 days, steps of the four weeks before',
      width: 12,
      left: perStep(DAILY_METRIC.cureRatePercent),
      leftYAxis: { showUnits: false, min: 0, max: 100 },
    }),
    new GraphWidget({
      title: 'Promises decided per day',
      width: 12,
      left: [daily(DAILY_METRIC.promisesKept, 'Kept'), daily(DAILY_METRIC.promisesBroken, 'Broken')],
      leftYAxis: { showUnits: false, min: 0 },
    }),
  ];
}
