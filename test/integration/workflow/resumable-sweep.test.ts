import { DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreditStore, SweepRun } from '../../../functions/ports/credit-store';
import {
  clock,
  creditStoreFromEnvironment,
} from '../../../functions/shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../../../functions/shared/dependencies/workflow-from-environment';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import { type CloudHarness, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, invoice, sweep } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The invoices fall due on 3 March, so none is overdue
// on arrival: only the sweep of 5 March starts their dunning.
const START = new Date('2026-03-02T05:00:00Z');
const INVOICES = 7;

/** The store the sweep writes its checkpoint to, dying (throwing) at the checkpoint after `pages` pages. */
function dyingAfter(store: CreditStore, pages: number): CreditStore {
  let written = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'putSweepRun') return Reflect.get(target, property, receiver) as unknown;
      return async (run: SweepRun, expected: number | null) => {
        if (run.pages > 0 && ++written > pages) throw new Error('the sweep Lambda died');
        return target.putSweepRun(run, expected);
      };
    },
  });
}

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

describe('the daily sweep is resumable', () => {
  let h: CloudHarness;
  let ids: string[];
  beforeEach(async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    ids = [];
    for (let i = 0; i < INVOICES; i++) ids.push((await invoice(h, debtor.id, { dueDate: '2026-03-03' })).id);
    await h.advanceDays(3);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('goes on after a sweep that died halfway and starts no invoice twice', async () => {
    const deps = { store: creditStoreFromEnvironment(), workflow: dunningWorkflowFromEnvironment(), clock };
    const options = { restoreLimit: 3, pageSize: 3, concurrency: 3 };
    await expect(sweepDueInvoices({ ...deps, store: dyingAfter(deps.store, 1) }, options)).rejects.toThrow(
      'died',
    );
    // The first page is checkpointed; the second page's three were started before the death.
    expect([...(await executionsPerInvoice(h)).values()]).toEqual([1, 1, 1, 1, 1, 1]);

    const again = await sweep(h);
    await h.cloud.idle();

    expect(again).toMatchObject({ continued: true, complete: true, started: 1, untouched: 3 });
    const counts = await executionsPerInvoice(h);
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
  });

  it('runs the sweep as a state machine that calls the sweep function until the index is done', async () => {
    const sweepMachine = h.cloud.stateMachineArn.replace(/:dunning$/, ':daily-sweep');
    const { executionArn } = await h.sfn.send(
      new StartExecutionCommand({ stateMachineArn: sweepMachine, name: 'sweep-2026-03-05', input: '{}' }),
    );
    await h.cloud.idle();

    const ended = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(ended.status).toBe('SUCCEEDED');
    expect(JSON.parse(ended.output ?? '{}')).toMatchObject({ slice: { complete: true } });
    const counts = await executionsPerInvoice(h);
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
  });
});
