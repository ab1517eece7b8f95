import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DAILY_METRIC,
  dailyMetricPoints,
  type MetricPoint,
  weekOnWeekPercent,
} from '../../../functions/core/reports/business-metrics';
import { portfolioDay } from '../../../functions/core/reports/portfolio-day';
import type { CurrencyPosition } from '../../../functions/core/reports/portfolio-position';
import { metrics } from '../../../functions/shared/observability';
import { publishMetricPoints } from '../../../functions/shared/publish-metric-points';
import { dailyMetrics, isTaskOverdue } from '../../../functions/use-cases/reports/daily-metrics';
import { taskRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

// 10 March 2026, 11:00 in Amsterdam: the sweep closes 9 March.
const clock = { now: () => new Date('2026-03-10T10:00:00Z') };

/** EUR receivables: 100.00 due 1 March (overdue on the 9th: 1-30), 50.00 due 20 March (current). */
function eurPosition(overdueCents: number): CurrencyPosition {
  return {
    open: {
      byDueDate: {
        '2026-03-01': { amount: overdueCents, count: 1 },
        '2026-03-20': { amount: 50_00, count: 1 },
      },
      older: { amount: 0, count: 0 },
    },
    unchased: {},
    salesByDay: { '2026-01-15': 150_00 + 80_00 },
    salesByMonth: {},
    writtenOff: { amount: 0, count: 0 },
  };
}

const point = (points: readonly MetricPoint[], name: string, dimensions: Record<string, string> = {}) =>
  points.find((p) => p.name === name && JSON.stringify(p.dimensions) === JSON.stringify(dimensions));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the daily business metrics', () => {
  it('publishes the figures the snapshot of the closed day holds, amounts in cents per currency', async () => {
    const store = new InMemoryCreditStore();
    await store.putPortfolioSnapshot({ day: '2026-03-02', currencies: { EUR: eurPosition(80_00) } });
    await store.putPortfolioSnapshot({ day: '2026-03-09', currencies: { EUR: eurPosition(100_00) } });

    const { day, points } = await dailyMetrics({ store, clock });

    expect(day).toBe('2026-03-09');
    const eur = { currency: 'EUR' };
    expect(point(points, 'OpenAmountCents', eur)).toEqual({
      name: 'OpenAmountCents',
      unit: 'None',
      value: 150_00,
      dimensions: eur,
    });
    expect(point(points, 'OverdueAmountCents', eur)?.value).toBe(100_00);
    expect(point(points, 'AgingAmountCents', { ...eur, bucket: 'current' })?.value).toBe(50_00);
    expect(point(points, 'AgingAmountCents', { ...eur, bucket: '1-30' })?.value).toBe(100_00);
    expect(point(points, 'AgingAmountCents', { ...eur, bucket: '120+' })?.value).toBe(0);
    // 150.00 receivables against 230.00 of sales in the last 90 days.
    expect(point(points, 'DsoDays', eur)).toMatchObject({ unit: 'None', value: 59 });
    // 100.00 overdue against 80.00 a week before: up 25%.
    expect(point(points, 'OverdueAmountWeekOnWeekPercent', eur)).toMatchObject({
      unit: 'Percent',
      value: 25,
    });
    expect(point(points, 'HighestOverdueWeekOnWeekPercent')?.value).toBe(25);
  });

  it('counts open disputes, open and overdue tasks, steps reached, the cure rate and promises decided', async () => {
    const store = new InMemoryCreditStore();
    await store.commit([
      { kind: 'putTask', task: taskRecord({ dueDate: '2026-03-10' }), expectedVersion: null },
      { kind: 'putTask', task: taskRecord({ dueDate: '2026-03-09' }), expectedVersion: null },
      {
        kind: 'putTask',
        task: taskRecord({
          dueDate: '2026-03-02',
          snoozed: { until: '2026-03-12', reason: 'on holiday', by: 'user:anna', at: '2026-03-02T09:00:00Z' },
        }),
        expectedVersion: null,
      },
      {
        kind: 'addReportCounters',
        counters: { family: 'disputes', counters: { 'open|pricing': 2, 'open|delivery': 1 } },
      },
      {
        kind: 'addReportCounters',
        counters: {
          family: 'dunning',
          day: '2026-03-09',
          counters: { 'reached|standard|firstReminder': 4, 'reached|consumer|firstReminder': 1 },
        },
      },
      {
        // The four weeks of steps whose 14 cure days are over: 27 January to 23 February.
        kind: 'addReportCounters',
        counters: {
          family: 'dunning',
          day: '2026-02-20',
          counters: { 'reached|standard|secondReminder': 4, 'cured|standard|secondReminder': 1 },
        },
      },
      {
        // Still within its cure days: not in the rate yet.
        kind: 'addReportCounters',
        counters: {
          family: 'dunning',
          day: '2026-02-24',
          counters: { 'reached|standard|secondReminder': 6 },
        },
      },
      {
        kind: 'addReportCounters',
        counters: { family: 'promises', day: '2026-03-09', counters: { 'kept|EUR': 2, 'broken|EUR': 1 } },
      },
    ]);

    const { points } = await dailyMetrics({ store, clock });

    expect(point(points, 'DisputesOpen')?.value).toBe(3);
    expect(point(points, 'TasksOpen')?.value).toBe(3);
    expect(point(points, 'TasksOverdue')?.value).toBe(1);
    expect(point(points, 'DunningStepsReached', { step: 'firstReminder' })?.value).toBe(5);
    expect(point(points, 'DunningStepsReached', { step: 'collectionAgency' })?.value).toBe(0);
    expect(point(points, 'DunningCureRatePercent', { step: 'secondReminder' })).toMatchObject({
      unit: 'Percent',
      value: 25,
    });
    expect(point(points, 'DunningCureRatePercent', { step: 'firstReminder' })).toBeUndefined();
    expect(point(points, 'PromisesKept')?.value).toBe(2);
    expect(point(points, 'PromisesBroken')?.value).toBe(1);
  });

  it('leaves out a figure that does not exist rather than publish it as 0', () => {
    const empty = portfolioDay('EUR', '2026-03-09', undefined, undefined);
    const points = dailyMetricPoints({
      portfolio: [empty],
      weekBefore: [],
      disputesOpen: 0,
      tasks: { open: 0, overdue: 0 },
      stepsReached: {},
      cureRates: { call: null },
      promises: { kept: 0, broken: 0 },
    });

    const names = points.map((p) => p.name);
    expect(names).not.toContain(DAILY_METRIC.dsoDays);
    expect(names).not.toContain(DAILY_METRIC.overdueWeekOnWeekPercent);
    expect(names).not.toContain(DAILY_METRIC.highestOverdueWeekOnWeekPercent);
    expect(names).not.toContain(DAILY_METRIC.cureRatePercent);
    expect(point(points, 'OverdueAmountCents', { currency: 'EUR' })?.value).toBe(0);
  });

  it('gives the alarm the largest week-on-week change of any currency', () => {
    const day = (currency: string, overdue: number) => ({
      ...portfolioDay(currency, '2026-03-09', undefined, undefined),
      overdue: { amount: overdue, count: 1 },
    });
    const points = dailyMetricPoints({
      portfolio: [day('EUR', 90_00), day('GBP', 300_00)],
      weekBefore: [day('EUR', 100_00), day('GBP', 200_00)],
      disputesOpen: 0,
      tasks: { open: 0, overdue: 0 },
      stepsReached: {},
      cureRates: {},
      promises: { kept: 0, broken: 0 },
    });

    expect(point(points, 'OverdueAmountWeekOnWeekPercent', { currency: 'EUR' })?.value).toBe(-10);
    expect(point(points, 'OverdueAmountWeekOnWeekPercent', { currency: 'GBP' })?.value).toBe(50);
    expect(point(points, 'HighestOverdueWeekOnWeekPercent')).toEqual({
      name: 'HighestOverdueWeekOnWeekPercent',
      unit: 'Percent',
      value: 50,
      dimensions: {},
    });
  });

  it('has no week-on-week change from nothing overdue', () => {
    expect(weekOnWeekPercent(0, 100_00)).toBeNull();
    expect(weekOnWeekPercent(300_00, 100_00)).toBe(-66.7);
  });

  it('counts a task overdue only after the day it was due, or snoozed to', () => {
    expect(isTaskOverdue({ dueDate: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isTaskOverdue({ dueDate: '2026-03-09' }, '2026-03-10')).toBe(true);
    const snoozed = { until: '2026-03-12', reason: 'r', by: 'user:a', at: '2026-03-01T00:00:00Z' };
    expect(isTaskOverdue({ dueDate: '2026-03-01', snoozed }, '2026-03-12')).toBe(false);
    expect(isTaskOverdue({ dueDate: '2026-03-01', snoozed }, '2026-03-13')).toBe(true);
  });

  it('writes each point as a single EMF metric under its own dimensions, in the unit its name says', () => {
    const written: { dimensions: [string, string][]; metric: unknown[] }[] = [];
    vi.spyOn(metrics, 'singleMetric').mockImplementation(() => {
      const entry = { dimensions: [] as [string, string][], metric: [] as unknown[] };
      written.push(entry);
      const single = {
        addDimension: (name: string, value: string) => {
          entry.dimensions.push([name, value]);
          return single;
        },
        addMetric: (...args: unknown[]) => {
          entry.metric = args;
        },
      };
      return single as unknown as ReturnType<typeof metrics.singleMetric>;
    });

    publishMetricPoints([
      { name: 'OverdueAmountCents', unit: 'None', value: 100_00, dimensions: { currency: 'EUR' } },
      { name: 'TasksOpen', unit: 'Count', value: 3, dimensions: {} },
      { name: 'DunningCureRatePercent', unit: 'Percent', value: 25, dimensions: { step: 'call' } },
    ]);

    expect(written).toEqual([
      { dimensions: [['currency', 'EUR']], metric: ['OverdueAmountCents', 'None', 100_00] },
      { dimensions: [], metric: ['TasksOpen', 'Count', 3] },
      { dimensions: [['step', 'call']], metric: ['DunningCureRatePercent', 'Percent', 25] },
    ]);
  });
});
