import type { TaskRecord } from '../../ports/credit-store';
import type { Clock } from '../../ports/clock';
import type { CreditStore, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';

type Reason = NonNullable<TaskRecord['closedBecause']>['reason'];

const REASONS: Partial<Record<InvoiceRecord['status'], { reason: Reason; words: string }>> = {
  paid: { reason: 'invoice_paid', words: 'the invoice is paid' },
  cancelled: { reason: 'invoice_cancelled', words: 'the invoice was cancelled' },
  in_collection: { reason: 'invoice_handed_over', words: 'the invoice went to the collection agency' },
  written_off: { reason: 'invoice_written_off', words: 'the invoice was written off' },
};

/**
 * The open tasks of an invoice that was paid, cancelled or handed over close themselves: there is
 * nothing left to call about. Runs after the commit that closed the invoice (as the execution's
 * stop does); an invoice still being collected keeps its tasks. Safe to repeat.
 */
export async function closeTasksOfClosedInvoice(
  deps: { store: CreditStore; clock: Clock },
  invoiceId: string,
): Promise<void> {
  await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    const because = invoice ? REASONS[invoice.status] : undefined;
    if (!invoice || !because) return;
    const open = (await deps.store.listOpenTasksOfDebtor(invoice.debtorId)).filter(
      (task) => task.invoiceId === invoiceId,
    );
    if (open.length === 0) return;
    const now = deps.clock.now();
    const at = now.toISOString();
    const writes: StoreWrite[] = open.flatMap((task): StoreWrite[] => {
      // The index is eventually consistent: the task read now is the one to close.
      const closed = revised(task, { status: 'closed', closedBecause: { reason: because.reason, at } }, now);
      return [
        { kind: 'putTask', task: closed, expectedVersion: task.version },
        {
          kind: 'appendEvent',
          subject: { invoiceId },
          event: {
            at,
            type: 'task_closed',
            actor: 'workflow',
            summary: `Task closed: ${because.words}`,
            details: { taskId: task.id, kind: task.kind, reason: because.reason },
          },
        },
      ];
    });
    for (let i = 0; i < writes.length; i += 50) await deps.store.commit(writes.slice(i, i + 50));
  });
}
