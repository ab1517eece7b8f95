/** Due invoices on the in-memory store, and the fanned-out sweep run over them as its state machine runs it. */
import type { CreditStore, SweepRun } from '../../../functions/ports/credit-store';
import type { DunningDeps } from '../../../functions/use-cases/dunning/start-dunning';
import type { SweepReport } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import {
  finishSweep,
  planSweep,
  type RangeOptions,
  SWEEP_WORKERS,
  sweepRange,
} from '../../../functions/use-cases/sweep/sweep-ranges';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

export const OPTIONS: RangeOptions = { restoreLimit: 3, pageSize: 2, concurrency: 2, rangeSize: 5 };

/** `count` invoices that fell due before today and have no dunning yet, on the in-memory store. */
export async function dueInvoices(count: number) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  const debtor = debtorRecord();
  await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const invoice = invoiceRecord({ debtorId: debtor.id, status: 'overdue', dueDate: '2026-03-01' });
    await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
    ids.push(invoice.id);
  }
  const clock = { now: () => new Date('2026-03-05T05:00:00Z') };
  return { store, workflow, ids, deps: { store, workflow, clock } };
}

export type World = Awaited<ReturnType<typeof dueInvoices>>;

/** The store, but every range checkpoint after the first `pages` page checkpoints throws: the workers died. */
export function dyingAfter(store: CreditStore, pages: number): CreditStore {
  let written = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'putSweepRun') return Reflect.get(target, property, receiver) as unknown;
      return async (run: SweepRun, expected: number | null) => {
        if (run.part !== undefined && run.pages > 0 && ++written > pages)
          throw new Error('the sweep Lambda died');
        return target.putSweepRun(run, expected);
      };
    },
  });
}

/** The state machine's run: plan, every range at most `workers` at once (each to its end), finish. */
export async function fannedOut(deps: DunningDeps, options = OPTIONS, workers = SWEEP_WORKERS) {
  const plan = await planSweep(deps, options);
  const reports: SweepReport[] = [];
  const queue = [...plan.ranges];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift())
      reports.push(await sweepRange(deps, options, item));
  };
  const settled = await Promise.allSettled(Array.from({ length: workers }, worker));
  const died = settled.some((outcome) => outcome.status === 'rejected');
  return { plan, reports, died, finish: died ? undefined : await finishSweep(deps) };
}

export const executionsPerInvoice = (world: World) =>
  world.ids.map((id) => world.workflow.startedFor(id).length);
