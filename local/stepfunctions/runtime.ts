import type { VirtualClock } from '../clock/virtual-clock';
import type { LambdaHandler } from './lambda-tasks';
import type { RecordEvent } from './library-events';
import type { TimeoutErrorFactory } from './task-errors';
import type { TaskTokens } from './task-tokens';

/** What the state handlers of every execution share. */
export interface ServerRuntime {
  readonly clock: VirtualClock;
  readonly lambdas: ReadonlyMap<string, LambdaHandler>;
  readonly tokens: TaskTokens;
  readonly region: string;
  readonly accountId: string;
  readonly timeoutError: TimeoutErrorFactory;
}

/** One execution, as its state handlers see it. */
export interface ExecutionScope {
  readonly executionArn: string;
  /** Aborts when the execution ends for any reason: its sleepers and parked tasks let go. */
  readonly signal: AbortSignal;
  /** Appends to the history while the execution runs; events after its end are dropped. */
  readonly record: RecordEvent;
}
