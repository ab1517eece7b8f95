import { randomUUID } from 'node:crypto';
import { type PreparedDefinition, VIRTUAL_START_TIME } from './definition-rewrite';
import { type EventDetails, ExecutionHistory, NOT_TRUNCATED } from './history';
import { sameJson } from './json';
import type { LibraryRun, LocalHandlers } from './library';
import { recordLibraryEvent } from './library-events';
import { checkArn, checkName, StepFunctionsError } from './protocol';
import type { ExecutionScope, ServerRuntime } from './runtime';
import type { StateMachineRecord } from './state-machines';
import { taskHandler } from './task-state';
import { waitHandler } from './wait-state';

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export interface Execution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  /** JSON text, as given. */
  readonly input: string;
  /** Virtual epoch milliseconds, like every date here. */
  readonly startDate: number;
  status: ExecutionStatus;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  readonly history: ExecutionHistory;
}

interface Ending {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: string;
  error?: string;
  cause?: string;
}

const END_EVENTS = {
  SUCCEEDED: ['ExecutionSucceeded', 'executionSucceededEventDetails'],
  FAILED: ['ExecutionFailed', 'executionFailedEventDetails'],
  TIMED_OUT: ['ExecutionTimedOut', 'executionTimedOutEventDetails'],
  ABORTED: ['ExecutionAborted', 'executionAbortedEventDetails'],
} as const;

interface Running {
  end: (ending: Ending) => void;
  /** Settles once the library's run and the history have caught up with the end. */
  done: Promise<void>;
}

/** Every execution since the server started (it is a dev server: nothing is ever evicted). */
export class Executions {
  private readonly byArn = new Map<string, Execution>();
  private readonly running = new Map<string, Running>();

  constructor(private readonly runtime: ServerRuntime) {}

  /**
   * Starts an execution, with AWS's rule for names: the same name and input as a running
   * execution gives that execution back; any other reuse of a name is ExecutionAlreadyExists.
   */
  start(machine: StateMachineRecord, name: string | undefined, input: string): Execution {
    const executionName = name ?? randomUUID();
    checkName(executionName);
    const { region, accountId, clock } = this.runtime;
    const executionArn = `arn:aws:states:${region}:${accountId}:execution:${machine.name}:${executionName}`;
    const existing = this.byArn.get(executionArn);
    if (existing !== undefined) {
      if (existing.status === 'RUNNING' && sameJson(existing.input, input)) return existing;
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution: Execution = {
      executionArn,
      stateMachineArn: machine.arn,
      name: executionName,
      input,
      startDate: clock.nowMs(),
      status: 'RUNNING',
      history: new ExecutionHistory(clock),
    };
    execution.history.add('ExecutionStarted', {
      executionStartedEventDetails: { input, inputDetails: NOT_TRUNCATED, roleArn: machine.roleArn },
    });
    this.byArn.set(executionArn, execution);
    this.run(execution, machine);
    return execution;
  }

  describe(executionArn: string): Execution {
    checkArn(executionArn, 'execution');
    const execution = this.byArn.get(executionArn);
    if (execution === undefined) {
      throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    }
    return execution;
  }

  /** The machine's executions, newest first as AWS lists them. */
  list(stateMachineArn: string): Execution[] {
    return [...this.byArn.values()]
      .filter((execution) => execution.stateMachineArn === stateMachineArn)
      .reverse();
  }

  /** StopExecution: ABORTED at once; its waits, sleepers and parked tasks let go. */
  stop(executionArn: string, error: string | undefined, cause: string | undefined): Execution {
    const execution = this.describe(executionArn);
    this.running.get(executionArn)?.end({ status: 'ABORTED', error, cause });
    return execution;
  }

  /** Aborts every running execution and waits until none of them has anything left pending. */
  async stopAll(): Promise<void> {
    const running = [...this.running.values()];
    for (const { end } of running)
      end({ status: 'ABORTED', error: 'States.Aborted', cause: 'the local server stopped' });
    await Promise.all(running.map(({ done }) => done));
  }

  private run(execution: Execution, machine: StateMachineRecord): void {
    const { prepared } = machine;
    const controller = new AbortController();
    const { activity, clock } = this.runtime;
    const worker = activity.worker(`execution ${execution.name}`);
    const scope: ExecutionScope = {
      executionArn: execution.executionArn,
      signal: controller.signal,
      worker,
      record: (type, details) => {
        if (execution.status === 'RUNNING') execution.history.add(type, details);
      },
    };
    const run = prepared.machine.run(JSON.parse(execution.input), {
      overrides: { taskResourceLocalHandlers: localHandlers(prepared, this.runtime, scope) },
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: execution.executionArn,
          Name: execution.name,
          RoleArn: machine.roleArn,
          [VIRTUAL_START_TIME]: new Date(execution.startDate).toISOString(),
        },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    const end = (ending: Ending): void => {
      if (execution.status !== 'RUNNING') return;
      const [type, detailsKey] = END_EVENTS[ending.status];
      const details: EventDetails =
        ending.status === 'SUCCEEDED'
          ? { [detailsKey]: { output: ending.output, outputDetails: NOT_TRUNCATED } }
          : { [detailsKey]: { error: ending.error, cause: ending.cause } };
      Object.assign(execution, ending, { stopDate: clock.nowMs() });
      execution.history.add(type, details);
      controller.abort(new Error(`the execution ended: ${ending.status}`));
      run.abort();
    };
    const done = this.follow(run, scope, prepared, end).finally(() => {
      this.running.delete(execution.executionArn);
      worker.end();
    });
    this.running.set(execution.executionArn, { end, done });
    if (prepared.timeoutSeconds !== undefined) {
      const cause = `the execution ran longer than its TimeoutSeconds (${prepared.timeoutSeconds})`;
      const timeout = activity.worker(`TimeoutSeconds of execution ${execution.name}`);
      timeout
        .sleepUntil(clock.nowMs() + prepared.timeoutSeconds * 1000, controller.signal)
        .then(
          () => end({ status: 'TIMED_OUT', error: 'States.Timeout', cause }),
          () => undefined, // the execution ended first and released the sleeper
        )
        .finally(() => timeout.end());
    }
  }

  /** Records the library's state events until the run is over, then the way it ended. */
  private async follow(
    run: LibraryRun,
    scope: ExecutionScope,
    prepared: PreparedDefinition,
    end: (ending: Ending) => void,
  ): Promise<void> {
    const typeOf = (stateName: string, libraryType: string) =>
      prepared.handled.get(stateName)?.kind === 'wait' ? 'Wait' : libraryType;
    const events = (async () => {
      for await (const event of run.eventLogs) recordLibraryEvent(scope.record, event, typeOf);
    })();
    const outcome = await run.result.then(
      (output) => ({ output }),
      (error: unknown) => ({ error }),
    );
    await events;
    if ('output' in outcome) end({ status: 'SUCCEEDED', output: JSON.stringify(outcome.output) });
    else end({ status: 'FAILED', ...failureOf(outcome.error) });
  }
}

function localHandlers(
  prepared: PreparedDefinition,
  runtime: ServerRuntime,
  scope: ExecutionScope,
): LocalHandlers {
  return Object.fromEntries(
    [...prepared.handled].map(([name, spec]) => [
      name,
      spec.kind === 'wait' ? waitHandler(runtime, scope) : taskHandler(runtime, scope, spec),
    ]),
  );
}

/** The library wraps the state's error in an ExecutionError; AWS reports the state's error. */
function failureOf(error: unknown): { error: string; cause: string } {
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return reason instanceof Error
    ? { error: reason.name, cause: reason.message }
    : { error: 'States.Runtime', cause: String(reason) };
}
