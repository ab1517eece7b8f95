import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { dunningWorkflow } from '../shared/dependencies/dunning-workflow';
import { logger, metrics, tracer } from '../shared/observability';
import { type SweepReport, sweepDueInvoices } from '../use-cases/sweep/due-invoice-sweep';

/** Daily (EventBridge Scheduler in AWS, the virtual clock locally): start and restore dunning. */
export const handler = middy(async (): Promise<SweepReport> => {
  const report = await sweepDueInvoices({ store: creditStore(), workflow: dunningWorkflow(), clock });
  metrics.addMetric('DunningStarted', MetricUnit.Count, report.started);
  metrics.addMetric('DunningRestored', MetricUnit.Count, report.restored);
  metrics.addMetric('SweepFailures', MetricUnit.Count, report.failed.length);
  if (report.failed.length > 0) logger.error('some invoices could not be swept', { failed: report.failed });
  logger.info('sweep done', {
    started: report.started,
    restored: report.restored,
    untouched: report.untouched,
  });
  return report;
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));
