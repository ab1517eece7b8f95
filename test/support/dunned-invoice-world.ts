import type { DebtorRecord, InvoiceRecord } from '../../functions/ports/credit-store';
import type { Notification } from '../../functions/ports/notifier';
import { startDunning } from '../../functions/use-cases/dunning/start-dunning';
import { debtorRecord, invoiceRecord, newId } from './credit-records';
import { InMemoryCreditStore } from './in-memory-credit-store';
import { RecordingWorkflow } from './recording-workflow';

const DAY_MS = 86_400_000;

/**
 * One overdue invoice whose dunning runs, on the in-memory store: the ports a use case takes, the
 * notifications it published, and a clock the test moves a number of days on.
 */
export async function dunnedInvoiceWorld(options: { start: Date; waitingTokens?: readonly string[] }) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow(new Set(options.waitingTokens ?? []));
  const published: Notification[] = [];
  let now = options.start;
  const clock = { now: () => now };
  const notifier = {
    publish: async (notification: Notification) => {
      published.push(notification);
      return { messageId: `m-${published.length}` };
    },
  };
  const deps = { store, workflow, clock, notifier, referenceScheme: 'rf' as const };
  const debtor: DebtorRecord = debtorRecord();
  await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
  const stored = invoiceRecord({ id: newId('inv'), debtorId: debtor.id, dueDate: '2026-03-01' });
  await store.commit([{ kind: 'putInvoice', invoice: stored, expectedVersion: null }]);
  const invoice: InvoiceRecord = await startDunning(deps, stored, debtor, {
    reason: 'fell_due',
    actor: 'sweep',
  });
  return {
    store,
    workflow,
    published,
    deps,
    debtor,
    invoice,
    laterDays: (days: number) => {
      now = new Date(now.getTime() + days * DAY_MS);
    },
  };
}
