import type { Activity, Worker } from '../clock/activity';
import type { VirtualClock } from '../clock/virtual-clock';
import type { LambdaHandler } from './lambda-tasks';
import type { RecordEvent } from './library-events';
import type { TimeoutErrorFactory } from './task-errors';
import type { TaskTokens } from './task-tokens';

/** What the state handlers of every execution share. */
export interface ServerRuntime {
  readonly clock: VirtualClock;
  /** Knows which executions run and which are parked, so that the local cloud can tell when it is idle. */
  readonly activity: Activity;
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
  /** The execution as the activity sees it: busy except while one of its states is parked. */
  readonly worker: Worker;
  /** Appends to the history while the execution runs; events after its end are dropped. */
  readonly record: RecordEvent;
}
