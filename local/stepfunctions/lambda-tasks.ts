import { isJsonObject } from './json';
import type { JsonValue } from './library';
import { statesRuntimeError, TaskFailure } from './task-errors';

export type LambdaHandler = (event: unknown) => Promise<unknown>;

export interface LambdaRequest {
  functionName: string;
  payload: JsonValue;
}

/**
 * `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`, `<account>:function:<name>`
 * and `<name>[:<qualifier>]` all name the function `<name>`; qualifiers have no meaning locally.
 */
export function functionNameOf(nameOrArn: string): string {
  const [, afterFunction] = nameOrArn.split(':function:');
  return (afterFunction ?? nameOrArn).split(':')[0] ?? nameOrArn;
}

/** The Parameters of an `arn:aws:states:::lambda:invoke` task, as Lambda's Invoke API reads them. */
export function lambdaRequestOf(parameters: JsonValue): LambdaRequest {
  if (!isJsonObject(parameters) || typeof parameters.FunctionName !== 'string') {
    throw statesRuntimeError('lambda:invoke needs Parameters.FunctionName (a function name or ARN)');
  }
  return { functionName: functionNameOf(parameters.FunctionName), payload: parameters.Payload ?? {} };
}

/** What `lambda:invoke` gives the state machine: the function's result wrapped as AWS wraps it. */
export function invokeResult(payload: JsonValue): JsonValue {
  return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
}

/**
 * Calls an in-process Lambda. Its exception becomes a task failure named after the exception
 * (so Retry and Catch match `ThrottlingException`, `Error`, ...) with Lambda's JSON error as cause.
 */
export async function invokeLambda(
  lambdas: ReadonlyMap<string, LambdaHandler>,
  { functionName, payload }: LambdaRequest,
): Promise<JsonValue> {
  const handler = lambdas.get(functionName);
  if (handler === undefined) {
    throw new TaskFailure(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${functionName} (the local cloud has: ${[...lambdas.keys()].join(', ') || 'none'})`,
    );
  }
  let result: unknown;
  try {
    // A copy, as a real invocation gets: the handler must not reach into the execution's data.
    result = await handler(structuredClone(payload));
  } catch (error) {
    const errorType = error instanceof Error ? error.name : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    throw new TaskFailure(errorType, JSON.stringify({ errorMessage, errorType }));
  }
  return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as JsonValue);
}
