import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { inInvocationScope } from './invocation-scope';

// API Gateway gives up on an integration after 29 s, so no API Lambda has longer than that.
const API_TIMEOUT_MS = 29_000;

/**
 * The Lambda context an in-process invocation of `functions/handlers/<handler>.ts` receives; its
 * remaining time counts down from the function's timeout (API Gateway's for an API handler).
 */
export function lambdaContext(handler: string, timeoutMs = API_TIMEOUT_MS): Context {
  const functionName = `credit-control-local-${handler}`;
  const deadline = Date.now() + timeoutMs;
  const region = process.env.AWS_REGION ?? 'eu-west-1';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    // The callback-style completions are deprecated; async handlers never call them.
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/**
 * How many invocations the local Lambda service runs at once in its one process. Set as
 * AWS_LAMBDA_MAX_CONCURRENCY, as Lambda sets it where one environment serves several invocations
 * at once: Powertools then keeps each invocation's log keys (function_name, request id,
 * correlation id), log level and metrics apart, in the runtime's InvokeStore (./invocation-scope).
 */
export const LOCAL_MAX_CONCURRENCY = '64';

/**
 * Runs one in-process invocation in its own invocation scope, as Lambda's runtime does when it
 * serves invocations concurrently. Every function of the local cloud shares one Powertools
 * logger (one module, one process): without a scope per invocation, a line logged by one
 * function after another function's invocation began would carry the other's function_name.
 */
export function runInvocation<T>(context: Context, invoke: () => Promise<T>): Promise<T> {
  return inInvocationScope(context.awsRequestId, invoke);
}
