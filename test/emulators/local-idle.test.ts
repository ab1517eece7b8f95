import { readFileSync } from 'node:fs';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Activity } from '../../local/clock/activity';
import { VirtualClock } from '../../local/clock/virtual-clock';
import {
  type LambdaHandler,
  type StepFunctionsServer,
  startStepFunctionsServer,
} from '../../local/stepfunctions/server';

const DAY_MS = 86_400_000;
const START = new Date('2025-03-03T09:00:00.000Z');
const ROLE_ARN = 'arn:aws:iam::000000000000:role/local-dunning';

let clock: VirtualClock;
let activity: Activity;

beforeEach(() => {
  clock = VirtualClock.manual(START);
  activity = new Activity(clock);
});

afterEach(() => {
  clock.dispose();
});

describe('the activity of the local cloud', () => {
  it('counts a job as busy until it is done, and names it when idle() gives up', async () => {
    const done = activity.begin('Lambda send-dunning-letter');

    expect(activity.busy()).toEqual(['Lambda send-dunning-letter']);
    await expect(activity.idle(50)).rejects.toThrow(
      'the local cloud is still busy after 50 ms: Lambda send-dunning-letter',
    );
    done();
    await activity.idle(50);
  });

  it('moves the clock past a timer set a fraction of a millisecond ahead, as a jittered retry pause sets it', async () => {
    const worker = activity.worker('retry pause');
    let woke = false;
    void worker.sleepUntil(clock.nowMs() + 8_333.7).then(() => {
      woke = true;
      worker.end();
    });

    await activity.advanceTo(clock.nowMs() + 10_000, 500);

    expect(woke).toBe(true);
  });

  it('counts a worker as busy except while it is parked on a timer that is not due', async () => {
    const worker = activity.worker('schedule');
    expect(activity.busy()).toEqual(['schedule']);

    const woke = worker.sleepUntil(clock.nowMs() + DAY_MS);
    expect(activity.busy()).toEqual([]);

    clock.advance(DAY_MS);
    // Due, though its code has not run yet: moving the clock makes the worker busy at once.
    expect(activity.busy()).toEqual(['schedule']);
    await woke;
    expect(activity.busy()).toEqual(['schedule']);
    worker.end();
    expect(activity.busy()).toEqual([]);
  });

  it('moves time from timer to timer, never past the target, idle after each', async () => {
    const woken: number[] = [];
    const worker = activity.worker('three alarms');
    void (async () => {
      for (const day of [1, 2, 5]) {
        await worker.sleepUntil(START.getTime() + day * DAY_MS);
        woken.push((clock.nowMs() - START.getTime()) / DAY_MS);
      }
      worker.end();
    })();

    await activity.advanceTo(START.getTime() + 3 * DAY_MS);
    expect(woken).toEqual([1, 2]);
    expect(clock.nowMs()).toBe(START.getTime() + 3 * DAY_MS);

    await activity.advanceTo(START.getTime() + 6 * DAY_MS);
    expect(woken).toEqual([1, 2, 5]);
  });

  it('wakes a sleeper whose pause is a fraction of a millisecond off, as a jittered retry pause is', async () => {
    const worker = activity.worker('a retry pause');
    let woken = false;
    void worker.sleepUntil(START.getTime() + 3_603.47).then(() => {
      woken = true;
      worker.end();
    });

    await activity.advanceTo(START.getTime() + 10_000);

    expect(woken).toBe(true);
    expect(activity.busy()).toEqual([]);
  });
});

describe('the local Step Functions server, as the activity sees it', () => {
  let lambdas: Map<string, LambdaHandler>;
  let server: StepFunctionsServer;
  let sfn: SFNClient;

  beforeEach(async () => {
    lambdas = new Map();
    server = await startStepFunctionsServer({ clock, activity, lambdas });
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

  async function startMachine(name: string, input: unknown): Promise<string> {
    const definition = readFileSync(
      new URL(`../fixtures/statemachines/${name}.asl.json`, import.meta.url),
      'utf8',
    );
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }),
    );
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
    );
    return executionArn!;
  }

  const statusOf = async (executionArn: string) =>
    (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status;

  it('is idle while an execution is parked on a Wait, and only once it ended after the Wait', async () => {
    const executionArn = await startMachine('long-wait', {});

    await activity.idle();
    expect(clock.nextWakeAt()).toBe(START.getTime() + 45 * DAY_MS);
    expect(await statusOf(executionArn)).toBe('RUNNING');

    await activity.advanceTo(START.getTime() + 45 * DAY_MS);
    expect(await statusOf(executionArn)).toBe('SUCCEEDED');
    expect(activity.busy()).toEqual([]);
  });

  it('is idle while a task waits for its token, and busy from SendTaskSuccess until the execution is done', async () => {
    let token = '';
    lambdas.set('CreateCallTask', async (event) => {
      token = (event as { taskToken: string }).taskToken;
      return { created: true };
    });
    const executionArn = await startMachine('callback', { invoiceId: 'INV-1' });

    await activity.idle();
    expect(token).not.toBe('');
    expect(await statusOf(executionArn)).toBe('RUNNING');

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"outcome":"reached"}' }));
    await activity.idle();
    expect(await statusOf(executionArn)).toBe('SUCCEEDED');
  });

  it('lets a task time out at its TimeoutSeconds when time moves past it', async () => {
    lambdas.set('CreateCallTask', async () => ({ created: true }));
    const executionArn = await startMachine('callback', { invoiceId: 'INV-2' });

    await activity.idle();
    expect(clock.nextWakeAt()).toBe(START.getTime() + DAY_MS);
    await activity.advanceTo(START.getTime() + DAY_MS);
    expect(await statusOf(executionArn)).toBe('SUCCEEDED');
  });
});
