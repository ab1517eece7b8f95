import { setImmediate as nextTurn } from 'node:timers/promises';
import { untilAborted, withChildSignal } from './abort';
import { VirtualDeadline } from './deadline';
import { TASK_TOKEN_PLACEHOLDER, type TaskStateSpec } from './definition-rewrite';
import { NOT_TRUNCATED } from './history';
import { isJsonObject, jsonText } from './json';
import { functionNameOf, invokeLambda, invokeResult, lambdaRequestOf } from './lambda-tasks';
import type { JsonValue, LocalHandler } from './library';
import { RetryPolicy } from './retry';
import type { ExecutionScope, ServerRuntime } from './runtime';
import { statesRuntimeError, TaskFailure } from './task-errors';

/** A Task's resolved Parameters and time limits, from the envelope the rewrite gave it. */
interface TaskRequest {
  parameters: JsonValue;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/**
 * Runs a Task state: invokes its in-process Lambda (and for `.waitForTaskToken` parks until the
 * token is used), records the task events of the history, and retries as its Retry field says,
 * pausing on the virtual clock.
 */
export function taskHandler(
  runtime: ServerRuntime,
  scope: ExecutionScope,
  spec: TaskStateSpec,
): LocalHandler {
  return async (envelope) => {
    // The library calls this before its StateEntered event has reached the history; one turn of
    // the event loop lets that event land first, so that the task's events follow it.
    await nextTurn();
    const task = readRequest(envelope);
    const retry = new RetryPolicy(spec.retriers);
    for (;;) {
      try {
        return await attempt(runtime, scope, spec, task);
      } catch (error) {
        const pause = scope.signal.aborted ? undefined : retry.delayAfter(error);
        if (pause === undefined) throw error;
        await scope.worker.sleepUntil(runtime.clock.nowMs() + pause, scope.signal);
      }
    }
  };
}

function attempt(
  runtime: ServerRuntime,
  scope: ExecutionScope,
  spec: TaskStateSpec,
  task: TaskRequest,
): Promise<JsonValue> {
  switch (spec.integration) {
    case 'lambda:function':
      return callFunction(runtime, scope, spec.resource, task);
    case 'lambda:invoke':
      return invoke(runtime, scope, task);
    case 'lambda:invoke.waitForTaskToken':
      return invokeAndPark(runtime, scope, task);
  }
}

/** A Lambda ARN as Resource: the state input is the event, the function's result the output. */
function callFunction(
  runtime: ServerRuntime,
  scope: ExecutionScope,
  resource: string,
  task: TaskRequest,
): Promise<JsonValue> {
  scope.record('LambdaFunctionScheduled', {
    lambdaFunctionScheduledEventDetails: {
      resource,
      input: jsonText(task.parameters),
      inputDetails: NOT_TRUNCATED,
      ...(task.timeoutSeconds === undefined ? {} : { timeoutInSeconds: task.timeoutSeconds }),
    },
  });
  scope.record('LambdaFunctionStarted');
  return withChildSignal(scope.signal, async (signal) => {
    try {
      const request = { functionName: functionNameOf(resource), payload: task.parameters };
      const output = await Promise.race([invokeLambda(runtime.lambdas, request), untilAborted(signal)]);
      scope.record('LambdaFunctionSucceeded', {
        lambdaFunctionSucceededEventDetails: { output: jsonText(output), outputDetails: NOT_TRUNCATED },
      });
      return output;
    } catch (error) {
      scope.record('LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: failureOf(error) });
      throw error;
    }
  });
}

/** `arn:aws:states:::lambda:invoke`: the output is Lambda's Invoke response, payload inside. */
function invoke(runtime: ServerRuntime, scope: ExecutionScope, task: TaskRequest): Promise<JsonValue> {
  const request = lambdaRequestOf(task.parameters);
  const resource = scheduled(runtime, scope, 'invoke', task, task.parameters);
  return withChildSignal(scope.signal, async (signal) => {
    try {
      const output = invokeResult(
        await Promise.race([invokeLambda(runtime.lambdas, request), untilAborted(signal)]),
      );
      scope.record('TaskSucceeded', {
        taskSucceededEventDetails: { ...resource, output: jsonText(output), outputDetails: NOT_TRUNCATED },
      });
      return output;
    } catch (error) {
      scope.record('TaskFailed', { taskFailedEventDetails: { ...resource, ...failureOf(error) } });
      throw error;
    }
  });
}

/**
 * `arn:aws:states:::lambda:invoke.waitForTaskToken`: invokes the function with a fresh token in
 * place of `$$.Task.Token`, then parks until SendTaskSuccess (whose output is the task's result)
 * or SendTaskFailure, unless TimeoutSeconds or HeartbeatSeconds run out on the virtual clock first.
 */
function invokeAndPark(runtime: ServerRuntime, scope: ExecutionScope, task: TaskRequest): Promise<JsonValue> {
  return withChildSignal(scope.signal, async (signal) => {
    let heartbeat: VirtualDeadline | undefined;
    const deadlines: VirtualDeadline[] = [];
    const { token, answer } = runtime.tokens.issue(() => heartbeat?.restart());
    try {
      const parameters = withToken(task.parameters, token);
      const request = lambdaRequestOf(parameters);
      const resource = scheduled(runtime, scope, 'invoke.waitForTaskToken', task, parameters);
      if (task.timeoutSeconds !== undefined) {
        const cause = `the task did not finish within its TimeoutSeconds (${task.timeoutSeconds})`;
        deadlines.push(
          new VirtualDeadline(runtime.clock, task.timeoutSeconds * 1000, signal, () =>
            runtime.timeoutError(cause),
          ),
        );
      }
      if (task.heartbeatSeconds !== undefined) {
        const cause = `no heartbeat within its HeartbeatSeconds (${task.heartbeatSeconds})`;
        heartbeat = new VirtualDeadline(
          runtime.clock,
          task.heartbeatSeconds * 1000,
          signal,
          () => new TaskFailure('States.HeartbeatTimeout', cause),
        );
        deadlines.push(heartbeat);
      }
      const limits = [untilAborted(signal), ...deadlines.map((deadline) => deadline.expired)];
      try {
        const submitted = await Promise.race([invokeLambda(runtime.lambdas, request), ...limits]);
        scope.record('TaskSubmitted', {
          taskSubmittedEventDetails: {
            ...resource,
            output: jsonText(invokeResult(submitted)),
            outputDetails: NOT_TRUNCATED,
          },
        });
        // Parked until the token is used or a time limit runs out: idle in between.
        const reply = await scope.worker.park(Promise.race([answer, ...limits]), {
          at: () => earliest(deadlines.map((deadline) => deadline.due)),
          arrived: () => signal.aborted || !runtime.tokens.waiting(token),
        });
        if (reply.kind === 'failure') throw new TaskFailure(reply.error, reply.cause);
        scope.record('TaskSucceeded', {
          taskSucceededEventDetails: {
            ...resource,
            output: jsonText(reply.output),
            outputDetails: NOT_TRUNCATED,
          },
        });
        return reply.output;
      } catch (error) {
        const timedOut =
          error instanceof Error && ['States.Timeout', 'States.HeartbeatTimeout'].includes(error.name);
        if (timedOut)
          scope.record('TaskTimedOut', { taskTimedOutEventDetails: { ...resource, ...failureOf(error) } });
        else scope.record('TaskFailed', { taskFailedEventDetails: { ...resource, ...failureOf(error) } });
        throw error;
      }
    } finally {
      runtime.tokens.release(token);
    }
  });
}

/** Records TaskScheduled and TaskStarted; gives the resource fields the later task events repeat. */
function scheduled(
  runtime: ServerRuntime,
  scope: ExecutionScope,
  resource: string,
  task: TaskRequest,
  parameters: JsonValue,
): { resourceType: string; resource: string } {
  const names = { resourceType: 'lambda', resource };
  scope.record('TaskScheduled', {
    taskScheduledEventDetails: {
      ...names,
      region: runtime.region,
      parameters: jsonText(parameters),
      ...(task.timeoutSeconds === undefined ? {} : { timeoutInSeconds: task.timeoutSeconds }),
      ...(task.heartbeatSeconds === undefined ? {} : { heartbeatInSeconds: task.heartbeatSeconds }),
    },
  });
  scope.record('TaskStarted', { taskStartedEventDetails: names });
  return names;
}

function readRequest(envelope: JsonValue): TaskRequest {
  if (!isJsonObject(envelope)) throw statesRuntimeError('a rewritten Task state lost its parameters');
  return {
    parameters: envelope.parameters ?? null,
    timeoutSeconds: wholeSeconds(envelope.timeoutSeconds, 'TimeoutSeconds'),
    heartbeatSeconds: wholeSeconds(envelope.heartbeatSeconds, 'HeartbeatSeconds'),
  };
}

function wholeSeconds(value: JsonValue | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw statesRuntimeError(`${field} must be a whole number of seconds >= 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

function withToken(value: JsonValue, token: string): JsonValue {
  if (value === TASK_TOKEN_PLACEHOLDER) return token;
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withToken(inner, token)]));
}

function earliest(times: readonly number[]): number | undefined {
  return times.length === 0 ? undefined : Math.min(...times);
}

function failureOf(error: unknown): { error: string; cause: string } {
  return error instanceof Error
    ? { error: error.name, cause: error.message }
    : { error: 'Error', cause: String(error) };
}
