import { readFileSync } from 'node:fs';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineAlreadyExists,
  StopExecutionCommand,
  TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../../local/clock/virtual-clock';
import {
  type LambdaHandler,
  type StepFunctionsServer,
  startStepFunctionsServer,
} from '../../local/stepfunctions/server';

const DAY_MS = 86_400_000;
const START = new Date('2025-03-03T09:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::000000000000:role/local-dunning';
const ACCOUNT_FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:000000000000:function:';

let clock: VirtualClock;
let lambdas: Map<string, LambdaHandler>;
let server: StepFunctionsServer;
let sfn: SFNClient;

beforeEach(async () => {
  clock = VirtualClock.manual(START);
  lambdas = new Map();
  server = await startStepFunctionsServer({ clock, lambdas });
  sfn = new SFNClient({
    endpoint: server.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterEach(async () => {
  sfn.destroy();
  await server.stop();
});

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/statemachines/${name}.asl.json`, import.meta.url), 'utf8');
}

async function createMachine(name: string, definition: string): Promise<string> {
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }),
  );
  return stateMachineArn!;
}

async function start(stateMachineArn: string, input: unknown, name?: string): Promise<string> {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), name }),
  );
  return executionArn!;
}

function describeExecution(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  return sfn.send(new DescribeExecutionCommand({ executionArn }));
}

async function history(executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function statesEntered(executionArn: string): Promise<string[]> {
  return (await history(executionArn)).flatMap((event) =>
    event.stateEnteredEventDetails?.name ? [event.stateEnteredEventDetails.name] : [],
  );
}

/** Polls until `probe` holds: the execution runs on its own, between our requests. */
async function eventually(probe: () => Promise<boolean> | boolean, what: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!(await probe())) throw new Error(`timed out waiting until ${what}`);
    },
    { timeout: 5_000, interval: 5 },
  );
}

async function statusOf(executionArn: string): Promise<string | undefined> {
  return (await describeExecution(executionArn)).status;
}

/** Gives a running execution real time to move on, when the point is that it must not. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

function virtualDaysAfterStart(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : (date.getTime() - START.getTime()) / DAY_MS;
}

describe('the local Step Functions server', () => {
  it('ends a 45-day Wait at the right virtual time, not at once', async () => {
    const machine = await createMachine('long-wait', fixture('long-wait'));
    const executionArn = await start(machine, {});
    await eventually(
      async () => (await statesEntered(executionArn)).includes('WaitFortyFiveDays'),
      'it waits',
    );

    clock.advanceDays(44);
    await settle();
    expect(await statusOf(executionArn)).toBe('RUNNING');

    clock.advanceDays(1);
    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    const exited = (await history(executionArn)).find((event) => event.type === 'WaitStateExited');
    expect(virtualDaysAfterStart(exited?.timestamp)).toBe(45);
    expect(virtualDaysAfterStart((await describeExecution(executionArn)).stopDate)).toBe(45);
  });

  it('returns the same execution for the same name and input, and ExecutionAlreadyExists for another input', async () => {
    const machine = await createMachine('long-wait', fixture('long-wait'));
    const first = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: machine,
        name: 'INV-1-attempt-1',
        input: '{"invoiceId":"INV-1"}',
      }),
    );
    clock.advance(60_000);
    const again = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: machine,
        name: 'INV-1-attempt-1',
        input: '{ "invoiceId": "INV-1" }',
      }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);

    await expect(
      sfn.send(
        new StartExecutionCommand({
          stateMachineArn: machine,
          name: 'INV-1-attempt-1',
          input: '{"invoiceId":"INV-2"}',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('refuses a closed execution’s name with ExecutionAlreadyExists, even with the same input', async () => {
    const machine = await createMachine('long-wait', fixture('long-wait'));
    const executionArn = await start(machine, { invoiceId: 'INV-1' }, 'INV-1-attempt-1');
    await sfn.send(new StopExecutionCommand({ executionArn }));

    await expect(start(machine, { invoiceId: 'INV-1' }, 'INV-1-attempt-1')).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
  });

  it('parks a .waitForTaskToken task until SendTaskSuccess, and its answer flows on as the output', async () => {
    const calls: Array<{ invoiceId: string; taskToken: string }> = [];
    lambdas.set('CreateCallTask', async (event) => {
      calls.push(event as { invoiceId: string; taskToken: string });
      return { taskId: 'task-1' };
    });
    const machine = await createMachine('callback', fixture('callback'));
    const executionArn = await start(machine, { invoiceId: 'INV-7' });
    await eventually(() => calls.length === 1, 'the call task is created');
    clock.advance(3_600_000);
    await settle();
    expect(await statusOf(executionArn)).toBe('RUNNING');

    const { taskToken } = calls[0]!;
    expect(taskToken).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ outcome: 'promise-to-pay' }) }),
    );

    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    const described = await describeExecution(executionArn);
    expect(JSON.parse(described.output!)).toEqual({
      invoiceId: 'INV-7',
      answer: { outcome: 'promise-to-pay' },
    });
    expect((await statesEntered(executionArn)).at(-1)).toBe('Answered');
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
  });

  it('sends a SendTaskFailure to the Catch that names its error', async () => {
    let taskToken = '';
    lambdas.set('CreateCallTask', async (event) => {
      taskToken = (event as { taskToken: string }).taskToken;
      return { taskId: 'task-1' };
    });
    const machine = await createMachine('callback', fixture('callback'));
    const executionArn = await start(machine, { invoiceId: 'INV-8' });
    await eventually(() => taskToken !== '', 'the call task is created');

    await sfn.send(
      new SendTaskFailureCommand({ taskToken, error: 'CustomerDisputes', cause: 'the goods never arrived' }),
    );

    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    expect((await statesEntered(executionArn)).at(-1)).toBe('HandleDispute');
    expect(JSON.parse((await describeExecution(executionArn)).output!).failure).toEqual({
      Error: 'CustomerDisputes',
      Cause: 'the goods never arrived',
    });
  });

  it('answers TaskDoesNotExist for an unknown task token and InvalidToken for a malformed one', async () => {
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'AAAAbm90LWEtcmVhbC10b2tlbg', output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'not a token!', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
  });

  it('times out a waitForTaskToken task on the virtual clock and reaches its States.Timeout Catch', async () => {
    let taskToken = '';
    lambdas.set('CreateCallTask', async (event) => {
      taskToken = (event as { taskToken: string }).taskToken;
      return { taskId: 'task-1' };
    });
    const machine = await createMachine('callback', fixture('callback'));
    const executionArn = await start(machine, { invoiceId: 'INV-9' });
    await eventually(() => taskToken !== '', 'the call task is created');

    clock.advance(DAY_MS - 1_000);
    await settle();
    expect(await statusOf(executionArn)).toBe('RUNNING');
    clock.advance(1_000);

    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    expect((await statesEntered(executionArn)).at(-1)).toBe('NoAnswerInTime');
    const events = await history(executionArn);
    const timedOut = events.find((event) => event.type === 'TaskTimedOut');
    expect(timedOut?.taskTimedOutEventDetails?.error).toBe('States.Timeout');
    expect(virtualDaysAfterStart(timedOut?.timestamp)).toBe(1);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
  });

  it('aborts a waiting execution on StopExecution, with its error and cause, leaving nothing asleep', async () => {
    const machine = await createMachine('long-wait', fixture('long-wait'));
    const executionArn = await start(machine, {});
    await eventually(
      async () => (await statesEntered(executionArn)).includes('WaitFortyFiveDays'),
      'it waits',
    );
    clock.advanceDays(2);

    await sfn.send(new StopExecutionCommand({ executionArn, error: 'InvoicePaid', cause: 'paid in full' }));

    const described = await describeExecution(executionArn);
    expect(described).toMatchObject({ status: 'ABORTED', error: 'InvoicePaid', cause: 'paid in full' });
    expect(virtualDaysAfterStart(described.stopDate)).toBe(2);
    expect((await history(executionArn)).at(-1)?.type).toBe('ExecutionAborted');
    await eventually(() => clock.pending === 0, 'the wait lets go of the clock');
    clock.advanceDays(60);
    await settle();
    expect(await statusOf(executionArn)).toBe('ABORTED');
  });

  it('releases a parked task on StopExecution: its token no longer exists', async () => {
    let taskToken = '';
    lambdas.set('CreateCallTask', async (event) => {
      taskToken = (event as { taskToken: string }).taskToken;
      return { taskId: 'task-1' };
    });
    const executionArn = await start(await createMachine('callback', fixture('callback')), {
      invoiceId: 'INV-6',
    });
    await eventually(() => taskToken !== '', 'the call task is created');

    await sfn.send(new StopExecutionCommand({ executionArn, error: 'InvoicePaid' }));

    expect(await statusOf(executionArn)).toBe('ABORTED');
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      TaskDoesNotExist,
    );
    await eventually(() => clock.pending === 0, 'its time limit lets go of the clock');
  });

  it('lists a machine’s executions newest first, by status and page by page', async () => {
    const machine = await createMachine('long-wait', fixture('long-wait'));
    const names = ['INV-1-1', 'INV-2-1', 'INV-3-1'];
    for (const name of names) {
      await start(machine, {}, name);
      clock.advance(1_000);
    }
    await sfn.send(
      new StopExecutionCommand({
        executionArn: `${machine.replace(':stateMachine:', ':execution:')}:INV-2-1`,
      }),
    );

    const firstPage = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine, maxResults: 2 }));
    const secondPage = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machine, maxResults: 2, nextToken: firstPage.nextToken }),
    );
    const running = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machine, statusFilter: 'RUNNING' }),
    );

    expect(
      [...(firstPage.executions ?? []), ...(secondPage.executions ?? [])].map((execution) => execution.name),
    ).toEqual(['INV-3-1', 'INV-2-1', 'INV-1-1']);
    expect(secondPage.nextToken).toBeUndefined();
    expect(running.executions?.map((execution) => execution.name)).toEqual(['INV-3-1', 'INV-1-1']);
  });

  it('lists the states entered in order in GetExecutionHistory, under their own types and in virtual time', async () => {
    lambdas.set('SendReminder', async () => ({ status: 'sent' }));
    const machine = await createMachine('route', fixture('route'));
    const executionArn = await start(machine, { invoiceId: 'INV-3', urgent: false, delaySeconds: 7_200 });
    await eventually(
      async () => (await statesEntered(executionArn)).includes('WaitBeforeReminder'),
      'it waits',
    );
    clock.advance(7_200_000);
    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');

    const events = await history(executionArn);
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    expect(await statesEntered(executionArn)).toEqual(['PickRoute', 'WaitBeforeReminder', 'Remind', 'Done']);
    const scheduled = events.find((event) => event.type === 'TaskScheduled');
    expect(scheduled?.timestamp?.getTime()).toBe(START.getTime() + 7_200_000);
    expect(JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}')).toEqual({
      FunctionName: 'SendReminder',
      Payload: { invoiceId: 'INV-3' },
    });

    const newestFirst = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 5 }),
    );
    expect(newestFirst.events?.map((event) => event.id)).toEqual([13, 12, 11, 10, 9]);
    const nextPage = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn,
        reverseOrder: true,
        maxResults: 5,
        nextToken: newestFirst.nextToken,
      }),
    );
    expect(nextPage.events?.map((event) => event.id)).toEqual([8, 7, 6, 5, 4]);
  });

  it('retries a task that throws twice with backoff on the virtual clock, then succeeds', async () => {
    let calls = 0;
    lambdas.set('SendEmail', async () => {
      calls += 1;
      if (calls <= 2)
        throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'ThrottlingException' });
      return { messageId: 'msg-1' };
    });
    const machine = await createMachine('retry', fixture('retry'));
    const realStart = Date.now();
    const executionArn = await start(machine, { to: 'debtor@example.com' });
    const failures = async () =>
      (await history(executionArn)).filter((event) => event.type === 'TaskFailed').length;

    await eventually(async () => (await failures()) === 1, 'the first attempt fails');
    clock.advance(20_000);
    await eventually(async () => (await failures()) === 2, 'the second attempt fails');
    clock.advance(39_000);
    await settle();
    expect(calls).toBe(2);
    clock.advance(1_000);

    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    expect(JSON.parse((await describeExecution(executionArn)).output!)).toEqual({ messageId: 'msg-1' });
    const events = await history(executionArn);
    const attempts = events
      .filter((event) => event.type === 'TaskScheduled')
      .map((event) => event.timestamp?.getTime());
    expect(attempts).toEqual([START.getTime(), START.getTime() + 20_000, START.getTime() + 60_000]);
    expect(events.find((event) => event.type === 'TaskFailed')?.taskFailedEventDetails).toMatchObject({
      error: 'ThrottlingException',
      cause: JSON.stringify({
        errorMessage: 'Maximum sending rate exceeded.',
        errorType: 'ThrottlingException',
      }),
    });
    expect(Date.now() - realStart).toBeLessThan(5_000);
  });

  it('fails a task whose Lambda does not exist with Lambda.ResourceNotFoundException', async () => {
    const machine = await createMachine('route', fixture('route'));
    const executionArn = await start(machine, { invoiceId: 'INV-4', urgent: true });

    await eventually(async () => (await statusOf(executionArn)) === 'FAILED', 'it fails');
    expect((await describeExecution(executionArn)).error).toBe('Lambda.ResourceNotFoundException');
  });

  it('returns the same ARN when a state machine is created again, and StateMachineAlreadyExists when it differs', async () => {
    const arn = await createMachine('long-wait', fixture('long-wait'));
    expect(await createMachine('long-wait', fixture('long-wait'))).toBe(arn);
    expect(arn).toBe('arn:aws:states:eu-west-1:000000000000:stateMachine:long-wait');
    await expect(createMachine('long-wait', fixture('route'))).rejects.toBeInstanceOf(
      StateMachineAlreadyExists,
    );
  });

  it('aborts every running execution when the server stops, leaving nothing asleep on the clock', async () => {
    lambdas.set('CreateCallTask', async () => ({ taskId: 'task-1' }));
    const waiting = await start(await createMachine('long-wait', fixture('long-wait')), {});
    const parked = await start(await createMachine('callback', fixture('callback')), { invoiceId: 'INV-5' });
    await eventually(
      async () => (await history(parked)).some((event) => event.type === 'TaskSubmitted'),
      'it parks',
    );
    expect(clock.pending).toBeGreaterThan(0);
    const before = await Promise.all([statusOf(waiting), statusOf(parked)]);

    await server.stop();

    expect(before).toEqual(['RUNNING', 'RUNNING']);
    expect(clock.pending).toBe(0);
  });

  it('runs the production dunning machine: all six steps in order, the call step parked until SendTaskSuccess', async () => {
    const steps: string[] = [];
    let callToken = '';
    const step = (result: unknown) => async (event: unknown) => {
      const payload = event as {
        step: string;
        invoiceId: string;
        taskToken?: string;
        park?: { taskToken: string };
      };
      steps.push(payload.step);
      if (payload.taskToken) callToken = payload.taskToken;
      // A step answers its own park, as one whose park would not end on time does: through the Waits.
      if (payload.park) {
        await sfn.send(
          new SendTaskSuccessCommand({ taskToken: payload.park.taskToken, output: JSON.stringify(result) }),
        );
      }
      return result;
    };
    lambdas.set('SendDunningLetter', step({ status: 'sent' }));
    lambdas.set('CreateCallTask', step({ status: 'task-created' }));
    lambdas.set('NotifyAccountManager', step({ status: 'notified' }));
    lambdas.set('HandOverToCollectionAgency', step({ status: 'handed-over' }));
    const definition = readFileSync(
      new URL('../../statemachines/dunning.asl.json', import.meta.url),
      'utf8',
    ).replace(/\$\{(\w+)FunctionArn\}/g, (_, name: string) => `${ACCOUNT_FUNCTION_ARN}${name}`);
    const machine = await createMachine('dunning', definition);
    const day = (n: number) => new Date(START.getTime() + n * DAY_MS).toISOString();
    const executionArn = await start(
      machine,
      {
        // The first task passes $.resumeAt on, and a path missing from the input fails with
        // States.Runtime (in AWS as here): a new execution has to say where it starts too.
        resumeAt: 'firstReminder',
        invoiceId: 'INV-2025-0042',
        execution: { name: 'INV-2025-0042-1' },
        schedule: {
          firstReminder: day(7),
          secondReminder: day(21),
          call: day(35),
          accountManager: day(49),
          finalNotice: day(63),
          collectionAgency: day(77),
        },
        callWindowSeconds: 10 * 86_400,
        parkSeconds: {
          firstReminder: 14 * 86_400,
          secondReminder: 14 * 86_400,
          call: 4 * 86_400,
          accountManager: 14 * 86_400,
          finalNotice: 14 * 86_400,
        },
      },
      'INV-2025-0042-1',
    );
    const reachDay = async (wait: string, n: number) => {
      await eventually(async () => (await statesEntered(executionArn)).includes(wait), `it reaches ${wait}`);
      clock.set(new Date(day(n)));
    };

    await reachDay('WaitUntilFirstReminder', 7);
    await reachDay('WaitUntilSecondReminder', 21);
    await reachDay('WaitUntilCall', 35);
    await eventually(() => callToken !== '', 'the call task is created');
    clock.advanceDays(5);
    await settle();
    expect(await statusOf(executionArn)).toBe('RUNNING');
    expect(steps).toEqual(['firstReminder', 'secondReminder', 'call']);

    await sfn.send(
      new SendTaskSuccessCommand({ taskToken: callToken, output: '{"outcome":"promise-to-pay"}' }),
    );
    await reachDay('WaitUntilAccountManager', 49);
    await reachDay('WaitUntilFinalNotice', 63);
    await reachDay('WaitUntilCollectionAgency', 77);

    await eventually(async () => (await statusOf(executionArn)) === 'SUCCEEDED', 'it succeeds');
    expect(steps).toEqual([
      'firstReminder',
      'secondReminder',
      'call',
      'accountManager',
      'finalNotice',
      'collectionAgency',
    ]);
    const events = await history(executionArn);
    const enteredOn = events
      .filter((event) => event.type === 'TaskStateEntered')
      .map((event) => [event.stateEnteredEventDetails?.name, virtualDaysAfterStart(event.timestamp)]);
    expect(enteredOn).toEqual([
      ['SendFirstReminder', 7],
      ['SendSecondReminder', 21],
      ['CallDebtor', 35],
      ['EscalateToAccountManager', 49],
      ['SendFinalNotice', 63],
      ['HandOverToCollectionAgency', 77],
    ]);
    const callExited = events.find(
      (event) => event.type === 'TaskStateExited' && event.stateExitedEventDetails?.name === 'CallDebtor',
    );
    expect(JSON.parse(callExited?.stateExitedEventDetails?.output ?? '{}').lastStep).toEqual({
      outcome: 'promise-to-pay',
    });
    expect(JSON.parse((await describeExecution(executionArn)).output!).lastStep).toEqual({
      step: 'collectionAgency',
      outcome: { status: 'handed-over' },
    });
  });
});
