import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

// API Gateway gives up on an integration after 29 s, so no API Lambda has longer than that.
const API_TIMEOUT_MS = 29_000;

/** The Lambda context an in-process invocation of `functions/handlers/<handler>.ts` receives. */
export function lambdaContext(handler: string): Context {
  const functionName = `credit-control-local-${handler}`;
  const deadline = Date.now() + API_TIMEOUT_MS;
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
