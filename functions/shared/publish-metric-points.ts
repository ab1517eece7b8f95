import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricPoint } from '../core/reports/business-metrics';
import { metrics } from './observability';

const UNITS = { Count: MetricUnit.Count, Percent: MetricUnit.Percent, None: MetricUnit.NoUnit } as const;

/**
 * Writes each point as EMF at once, under its own dimensions next to the service's: a single
 * metric carries its dimensions alone, so the points of a currency or a step never mix, and they
 * are on record even if the invocation fails afterwards.
 */
export function publishMetricPoints(points: readonly MetricPoint[]): void {
  for (const point of points) {
    const single = metrics.singleMetric();
    for (const [name, value] of Object.entries(point.dimensions)) single.addDimension(name, value);
    single.addMetric(point.name, UNITS[point.unit], point.value);
  }
}
