import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability';
import { mapErrorStacks } from './source-mapped-stack';
import { tracingMiddlewares } from './tracing';

/**
 * An error thrown out of the handler is logged by the Lambda runtime and shown by Step Functions
 * as the cause of a failed state: its stack, and its causes', are mapped to the sources before it
 * leaves. Returns nothing, so that the error is still thrown, and the same one. Used last in the
 * chain, so that its onError runs first of the chain's: the tracer records the mapped stack too.
 */
const sourceMappedErrors: MiddlewareObj = {
  onError: (request) => {
    if (!isWorkflowBranch(request.error)) mapErrorStacks(request.error);
  },
};

/**
 * An error a step throws on purpose, for the state machine's Retry to match by name (a deferral
 * to the next day, a step left to the resumed execution): a branch of the workflow, not a fault.
 * Its stack tells nobody anything, and mapping it would read the bundle's map for nothing.
 */
function isWorkflowBranch(error: unknown): boolean {
  // The mark of functions/use-cases/steps/workflow-branch.ts, read by name: this chain serves every
  // function, and knows no use case.
  return (
    typeof error === 'object' && error !== null && 'workflowBranch' in error && error.workflowBranch === true
  );
}

/**
 * The middy chain every Lambda of the system runs in, whatever triggers it: the Lambda context
 * and fresh keys on every log line, the metrics of the invocation flushed as EMF at its end, a
 * trace segment where the function traces, and the stack of an error that leaves the handler
 * mapped to the TypeScript sources. Each trigger's wrapper (http, step, sns, schedule) builds on this one.
 */
export function withPowertools<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  options: { coldStartMetric?: boolean } = {},
) {
  return middy(handler)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: options.coldStartMetric ?? false }))
    .use(tracingMiddlewares())
    .use(sourceMappedErrors);
}
