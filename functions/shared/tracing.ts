import type { MiddlewareObj } from '@middy/core';

/**
 * Powertools' tracer for the functions that trace, and nothing for the others. By default no
 * function traces its calls: each gets its segment from Lambda's active tracing alone, as loading
 * the tracer (X-Ray SDK, its context hooks) costs about 30 ms of every cold start. A stage deployed
 * with `traceCalls` loads it in the functions that call a service besides their table. The function
 * construct sets POWERTOOLS_TRACE_ENABLED=false where it is off and gives esbuild the same value,
 * so that the import below drops out of those bundles; elsewhere (the local cloud, tests) the
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
