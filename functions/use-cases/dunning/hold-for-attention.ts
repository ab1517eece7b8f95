import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { type DunningState, heldForAttention } from '../../core/dunning/dunning-state';
import { openTask } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import type { CreditStore, InvoiceRecord, TaskRecord } from '../../ports/credit-store';
import { firstVersion, revised } from '../record-versions';

/** Who the timeline names for what the daily sweep decides. */
const SWEEP_ACTOR = 'sweep';

/** One task per failed execution: a second sweep the same day finds it and writes nothing. */
function attentionTaskId(execution: string): string {
  return `attention--${execution}`;
}

/**
 * Stops restoring an invoice whose step kept failing: its dunning becomes 'needs_attention' (the
 * sweep leaves it alone from now on), and a controller gets a task to find the cause and restart
 * it, in one transaction guarded by the invoice's version. Returns the task.
 */
export async function holdForAttention(
  deps: { store: CreditStore; clock: Clock },
  invoice: InvoiceRecord & { dunning: DunningState },
  slot: DunningSlot,
): Promise<TaskRecord> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { dunning } = invoice;
  const restores = dunning.restores ?? 0;
  const taskId = attentionTaskId(dunning.execution);
  const summary =
    `The ${slot} step of invoice ${invoice.number} failed again after ${restores} restores ` +
    `(execution ${dunning.execution}): find the cause in the execution's history, fix it, ` +
    `then restart the dunning (POST /invoices/${invoice.id}/dunning/restart)`;
  const task = firstVersion(
    openTask({
      id: taskId,
      kind: 'dunning_needs_attention',
      invoice,
      today: localDate(now, BUSINESS_TIME_ZONE),
      summary,
      slot,
      execution: dunning.execution,
    }),
    at,
  );
  const held = heldForAttention(dunning, { since: at, slot, restores, execution: dunning.execution, taskId });
  await deps.store.commit([
    {
      kind: 'putInvoice',
      invoice: revised(invoice, { dunning: held }, now),
      expectedVersion: invoice.version,
    },
    { kind: 'putTask', task, expectedVersion: null },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'dunning_needs_attention',
        actor: SWEEP_ACTOR,
        summary: `Dunning held: the ${slot} step failed after ${restores} restores; a controller must restart it`,
        details: { slot, restores, execution: dunning.execution, taskId },
      },
    },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: { at, type: 'task_created', actor: SWEEP_ACTOR, summary, details: { kind: task.kind, taskId } },
    },
  ]);
  return task;
}
