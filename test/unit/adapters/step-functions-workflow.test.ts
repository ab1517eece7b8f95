import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { StepFunctionsWorkflow } from '../../../functions/adapters/sfn/step-functions-workflow';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import { ExecutionNameTaken } from '../../../functions/ports/workflow';

const sfn = mockClient(SFNClient);
const stateMachineArn = 'arn:aws:states:eu-west-1:000000000000:stateMachine:dunning';
const schedule = Object.fromEntries(DUNNING_SLOTS.map((slot) => [slot, '2026-03-04T08:00:00Z'])) as Record<
  (typeof DUNNING_SLOTS)[number],
  string
>;

function inputOf(invoiceId: string) {
  return {
    invoiceId,
    execution: 'rp_col_0001--1',
    resumeAt: 'firstReminder' as const,
    schedule,
    callWindowSeconds: 1,
    parkSeconds: { firstReminder: 1, secondReminder: 1, call: 1, accountManager: 1, finalNotice: 1 },
  };
}

function alreadyExists() {
  return new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
}

describe('starting a dunning execution on Step Functions', () => {
  const workflow = new StepFunctionsWorkflow(new SFNClient({ region: 'eu-west-1' }), stateMachineArn);
  beforeEach(() => {
    sfn.reset();
  });

  it('takes an existing execution of the same invoice as this attempt already started', async () => {
    sfn.on(StartExecutionCommand).rejects(alreadyExists());
    sfn.on(DescribeExecutionCommand).resolves({
      name: 'rp_col_0001--1',
      status: 'SUCCEEDED',
      startDate: new Date('2026-03-02T05:00:00Z'),
      input: JSON.stringify(inputOf('rp_col_0001')),
    });

    await expect(workflow.start(inputOf('rp_col_0001'))).resolves.toEqual({ started: false });
  });

  it('refuses an existing execution whose input belongs to another invoice, never taking it as running', async () => {
    sfn.on(StartExecutionCommand).rejects(alreadyExists());
    sfn.on(DescribeExecutionCommand).resolves({
      name: 'rp_col_0001--1',
      status: 'RUNNING',
      startDate: new Date('2026-03-02T05:00:00Z'),
      input: JSON.stringify(inputOf('rp/col/0001')),
    });

    const start = workflow.start(inputOf('rp_col_0001'));

    await expect(start).rejects.toBeInstanceOf(ExecutionNameTaken);
    await expect(start).rejects.toThrow(/invoice rp\/col\/0001/);
  });

  it('reads whose execution it is from the input DescribeExecution returns', async () => {
    sfn.on(DescribeExecutionCommand).resolves({
      name: 'x--1',
      status: 'FAILED',
      startDate: new Date('2026-03-02T05:00:00Z'),
      stopDate: new Date('2026-03-02T06:00:00Z'),
      input: JSON.stringify(inputOf('inv-9')),
    });

    await expect(workflow.describe('x--1')).resolves.toEqual({
      name: 'x--1',
      status: 'FAILED',
      startedAt: '2026-03-02T05:00:00.000Z',
      stoppedAt: '2026-03-02T06:00:00.000Z',
      invoiceId: 'inv-9',
    });
  });
});
