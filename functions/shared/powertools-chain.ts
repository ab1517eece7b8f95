import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability';
import { tracingMiddlewares } from './tracing';

/**
 * The middy chain every Lambda of the system runs in, whatever triggers it: the Lambda context
 * and fresh keys on every log line, the metrics of the invocation flushed as EMF at its end, and
 * a trace segment where the function traces. Each trigger's wrapper (http, step, sns, schedule) builds on this one.
 */
export function withPowertools<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  options: { coldStartMetric?: boolean } = {},
) {
  return middy(handler)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: options.coldStartMetric ?? false }))
    .use(tracingMiddlewares());
}
