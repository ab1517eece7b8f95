import { describe, expect, it } from 'vitest';
import type { CreditStore, SweepRun } from '../../../functions/ports/credit-store';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const OPTIONS = { restoreLimit: 3, pageSize: 3, concurrency: 2 };

/** `count` invoices that fell due before today and have no dunning yet, on the in-memory store. */
async function dueInvoices(count: number) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  const debtor = debtorRecord();
  await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
  for (let i = 0; i < count; i++) {
    const invoice = invoiceRecord({ debtorId: debtor.id, status: 'overdue', dueDate: '2026-03-01' });
    await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
  }
  const clock = { now: () => new Date('2026-03-05T05:00:00Z') };
  return { store, workflow, deps: { store, workflow, clock } };
}

/** The store, but its checkpoint write throws after `pages` pages: the Lambda died there. */
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

const startsPerInvoice = (workflow: RecordingWorkflow) => {
  const counts = new Map<string, number>();
  for (const { invoiceId } of workflow.started) counts.set(invoiceId, (counts.get(invoiceId) ?? 0) + 1);
  return [...counts.values()];
};

describe('the daily sweep pages the due-invoice index and can be resumed', () => {
  it('goes on from the checkpoint of a run that died and starts no invoice twice', async () => {
    const world = await dueInvoices(10);
    const dying = { ...world.deps, store: dyingAfter(world.store, 2) };

    await expect(sweepDueInvoices(dying, OPTIONS)).rejects.toThrow('died');
    // Pages 1 and 2 are checkpointed; page 3's invoices were started before the death.
    expect(world.workflow.started).toHaveLength(9);

    const again = await sweepDueInvoices(world.deps, OPTIONS);

    expect(again).toMatchObject({ continued: true, complete: true, started: 1, untouched: 3, pages: 2 });
    expect(startsPerInvoice(world.workflow)).toEqual(Array.from({ length: 10 }, () => 1));
  });

  it('ends a slice before a page when the time runs short, and the next slice goes on', async () => {
    const world = await dueInvoices(7);

    const first = await sweepDueInvoices(world.deps, OPTIONS, { mayBeginPage: () => false });
    const second = await sweepDueInvoices(world.deps, OPTIONS);

    expect(first).toMatchObject({ complete: false, pages: 1, started: 3 });
    expect(second).toMatchObject({ continued: true, complete: true, pages: 2, started: 4 });
    expect(startsPerInvoice(world.workflow)).toHaveLength(7);
  });

  it('reviews the money once a run, not again in a slice that goes on', async () => {
    const world = await dueInvoices(7);
    let reviews = 0;
    const beforeFirstPage = async () => {
      reviews += 1;
    };

    await sweepDueInvoices(world.deps, OPTIONS, { beforeFirstPage, mayBeginPage: () => false });
    await sweepDueInvoices(world.deps, OPTIONS, { beforeFirstPage });

    expect(reviews).toBe(1);
  });

  it('begins a new run from the first page once the day’s run is complete', async () => {
    const world = await dueInvoices(4);
    await sweepDueInvoices(world.deps, OPTIONS);

    const second = await sweepDueInvoices(world.deps, OPTIONS);

    expect(second).toMatchObject({ continued: false, complete: true, untouched: 4, started: 0 });
    expect(await world.store.getSweepRun('2026-03-05')).toMatchObject({ run: 2, complete: true });
  });
});
