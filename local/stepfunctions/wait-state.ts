import { isJsonObject } from './json';
import type { LocalHandler } from './library';
import type { ExecutionScope, ServerRuntime } from './runtime';
import { statesRuntimeError } from './task-errors';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Runs a Wait state (rewritten into a Task that passes its input and its Seconds or Timestamp) on
 * the virtual clock, which neither gives up on long waits nor ties them to real time.
 */
export function waitHandler(runtime: ServerRuntime, scope: ExecutionScope): LocalHandler {
  return async (envelope) => {
    if (!isJsonObject(envelope)) throw statesRuntimeError('a rewritten Wait state lost its parameters');
    const { input, seconds, timestamp } = envelope;
    await scope.worker.sleepUntil(wakeTime(seconds, timestamp, runtime.clock.nowMs()), scope.signal);
    return input ?? null;
  };
}

function wakeTime(seconds: unknown, timestamp: unknown, now: number): number {
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw statesRuntimeError(`a Wait needs a whole number of seconds >= 0, got ${JSON.stringify(seconds)}`);
    }
    return now + seconds * 1000;
  }
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp)) {
    throw statesRuntimeError(`a Wait needs an RFC 3339 timestamp, got ${JSON.stringify(timestamp)}`);
  }
  return Date.parse(timestamp);
}
