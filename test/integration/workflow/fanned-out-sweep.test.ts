import { DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { SweepRun } from '../../../functions/ports/credit-store';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, invoice } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The invoices fall due on 3 March, so none is overdue
// on arrival: only the sweep of 5 March starts their dunning.
const START = new Date('2026-03-02T05:00:00Z');
const INVOICES = 20;
/** Small ranges and pages, so that twenty invoices make several ranges of several pages each. */
const SWEEP_ENVIRONMENT = { SWEEP_RANGE_SIZE: '5', SWEEP_PAGE_SIZE: '2' };
/** Longer than the range task's retries (30 s doubling to 480 s, five attempts) on the virtual clock. */
const RETRIES_EXHAUSTED_MS = 20 * 60_000;

/** How many dunning executions each invoice has, from the engine's own list. */
async function executionsPerInvoice(h: CloudHarness): Promise<Map<string, number>> {
  const listed = await h.sfn.send(
    new ListExecutionsCommand({ stateMachineArn: h.cloud.stateMachineArn, maxResults: 1000 }),
  );
  const counts = new Map<string, number>();
  for (const execution of listed.executions ?? []) {
    const described = await h.sfn.send(
      new DescribeExecutionCommand({ executionArn: execution.executionArn }),
    );
    const { invoiceId } = JSON.parse(described.input ?? '{}') as { invoiceId: string };
    counts.set(invoiceId, (counts.get(invoiceId) ?? 0) + 1);
  }
  return counts;
}

/** Every range checkpoint after the first `pages` throws, in every Lambda of the local cloud: the workers die. */
function workersDieAfter(pages: number) {
  const store = DynamoDbCreditStore.prototype;
  const checkpoint = store.putSweepRun;
  let written = 0;
  return vi.spyOn(store, 'putSweepRun').mockImplementation(async function (
    this: DynamoDbCreditStore,
    run: SweepRun,
    expected: number | null,
  ) {
    if (run.part !== undefined && run.pages > 0 && ++written > pages)
      throw new Error('the sweep Lambda died');
    return checkpoint.call(this, run, expected);
  });
}

describe('the fanned-out daily sweep on the local cloud', () => {
  let h: CloudHarness;
  let ids: string[];
  beforeEach(async () => {
    // Read by the sweep function when the local cloud loads it.
    Object.assign(process.env, SWEEP_ENVIRONMENT);
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    ids = [];
    for (let i = 0; i < INVOICES; i++) ids.push((await invoice(h, debtor.id, { dueDate: '2026-03-03' })).id);
    await h.advanceDays(3);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.stop();
    for (const name of Object.keys(SWEEP_ENVIRONMENT)) delete process.env[name];
  });

  const sweepMachine = () => h.cloud.stateMachineArn.replace(/:dunning$/, ':daily-sweep');
  const runSweep = async (name: string) => {
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: sweepMachine(), name, input: '{}' }),
    );
    await h.cloud.idle();
    return executionArn as string;
  };

  it('a sweep that dies halfway and runs again starts nothing twice', async () => {
    const dying = workersDieAfter(2);
    const first = await runSweep('sweep-2026-03-05-1');
    // The range task retries on the virtual clock, and dies every time, until the sweep fails.
    await h.cloud.advance(RETRIES_EXHAUSTED_MS);
    const died = await h.sfn.send(new DescribeExecutionCommand({ executionArn: first }));
    expect(died.status).toBe('FAILED');
    const startedBefore = [...(await executionsPerInvoice(h)).values()];
    expect(startedBefore.length).toBeGreaterThan(0);
    expect(startedBefore.length).toBeLessThan(INVOICES);
    expect(startedBefore.every((count) => count === 1)).toBe(true);

    dying.mockRestore();
    const again = await runSweep('sweep-2026-03-05-2');

    const ended = await h.sfn.send(new DescribeExecutionCommand({ executionArn: again }));
    expect(ended.status).toBe('SUCCEEDED');
    expect(JSON.parse(ended.output ?? '{}')).toMatchObject({
      plan: { invoices: INVOICES },
      slice: { complete: true, unfinished: [] },
    });
    const counts = await executionsPerInvoice(h);
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
  });
});
