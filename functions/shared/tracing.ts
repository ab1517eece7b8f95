import type { MiddlewareObj } from '@middy/core';

/**
 * Powertools' tracer for the functions that trace, and nothing for the others. A function that
 * calls no service but its table gets its segment from Lambda's active tracing alone; loading
 * the tracer (X-Ray SDK, its context hooks) would only lengthen its cold start. The function
 * construct sets POWERTOOLS_TRACE_ENABLED=false for those and gives esbuild the same value, so
 * that the import below drops out of their bundles; elsewhere (the local cloud, tests) the
 * variable decides at load time.
 */
const powertools = process.env.POWERTOOLS_TRACE_ENABLED === 'false' ? undefined : await import('./tracer');

/** The client, with a subsegment per call where the function traces. */
export function traced<Client>(client: Client): Client {
  return powertools ? powertools.tracer.captureAWSv3Client(client) : client;
}

/** The handler's segment annotations (cold start, response, error), where the function traces. */
export function tracingMiddlewares(): MiddlewareObj[] {
  return powertools ? [powertools.traceHandler] : [];
}

export function addErrorToTrace(error: Error): void {
  powertools?.tracer.addErrorAsMetadata(error);
}
