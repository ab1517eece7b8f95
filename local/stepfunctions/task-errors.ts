import { StateMachine } from './library';

/**
 * A task's failure as Step Functions reports it: `name` is the error that Retry and Catch match
 * and that a Catch puts in `Error`; `message` is the cause that it puts in `Cause`.
 */
export class TaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/** States.Runtime, which the library (like AWS) neither retries nor lets a Catch handle. */
export function statesRuntimeError(message: string): Error {
  return Object.assign(new Error(message), {
    name: 'States.Runtime',
    isRetryable: false,
    isCatchable: false,
  });
}

export type TimeoutErrorFactory = (cause: string) => Error;

/**
 * Builds States.Timeout errors that the library treats as its own. It tells a timeout apart from
 * other task failures only by `instanceof` its unexported StatesTimeoutError class (so that
 * `States.TaskFailed` in a Catch does not match a timeout, as in AWS); the class is fetched once
 * by letting a one-state machine time out after 1 ms of real time.
 */
export async function loadTimeoutErrorFactory(): Promise<TimeoutErrorFactory> {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: {
        Probe: { Type: 'Task', Resource: 'arn:aws:states:::local:probe', TimeoutSeconds: 0.001, End: true },
      },
    },
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(null, {
    overrides: { taskResourceLocalHandlers: { Probe: () => new Promise<never>(() => undefined) } },
  });
  const timeout = await run.result.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.cause : undefined),
  );
  if (!(timeout instanceof Error) || timeout.name !== 'States.Timeout') {
    throw new Error('aws-local-stepfunctions no longer reports task timeouts as this server expects');
  }
  const StatesTimeoutError = timeout.constructor as new () => Error;
  return (cause) => Object.assign(new StatesTimeoutError(), { message: cause });
}
