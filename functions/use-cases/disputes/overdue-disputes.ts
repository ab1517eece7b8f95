import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { isOverdueDispute } from '../../core/disputes/dispute';
import { openTask } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import { ConcurrentModificationError, type CreditStore, type DisputeRecord } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';

/** Who the timeline names for tasks of the daily sweep. */
const SWEEP_ACTOR = 'sweep';

/** One task per overdue dispute: a repeated sweep finds it. */
export function overdueDisputeTaskId(disputeId: string): string {
  return `overdue-dispute--${disputeId}`;
}

/**
 * The daily sweep's part in disputes: a dispute still open on its respond-by day (raised +
 * disputeSlaDays) goes on a manager's list, once. Reads only the sparse index of open disputes.
 * Returns how many tasks it raised.
 */
export async function raiseOverdueDisputeTasks(deps: { store: CreditStore; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  const today = localDate(now, BUSINESS_TIME_ZONE);
  let raised = 0;
  for (const dispute of await deps.store.listOpenDisputes()) {
    if (!isOverdueDispute(dispute, today)) continue;
    if (await raiseTask(deps.store, dispute, today, now.toISOString())) raised += 1;
  }
  return raised;
}

async function raiseTask(
  store: CreditStore,
  dispute: DisputeRecord,
  today: string,
  at: string,
): Promise<boolean> {
  const id = overdueDisputeTaskId(dispute.id);
  if (await store.getTask(id)) return false;
  const invoice = await store.getInvoice(dispute.invoiceId);
  if (!invoice) return false;
  const summary = `Dispute (${dispute.cause.replace('_', ' ')}) on invoice ${invoice.number} open since ${dispute.raisedOn}: it should have been resolved by ${dispute.respondBy}`;
  const task = openTask({ id, kind: 'overdue_dispute', invoice, today, summary, forRole: 'manager' });
  try {
    await store.commit([
      { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
      {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'task_created',
          actor: SWEEP_ACTOR,
          summary,
          details: { taskId: id, kind: 'overdue_dispute', disputeId: dispute.id, forRole: 'manager' },
        },
      },
    ]);
    return true;
  } catch (error) {
    // Another sweep raised it a moment ago.
    if (error instanceof ConcurrentModificationError) return false;
    throw error;
  }
}
