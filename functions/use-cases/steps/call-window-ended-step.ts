import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import type { Clock } from '../../ports/clock';
import { retryOnConflict, revised } from '../record-versions';
import { callTaskId } from './create-call-task-step';
import { WORKFLOW_ACTOR } from './record-step';
import type { StepPayload } from './step-payload';

/**
 * What became of a call window that ended: recorded against its open task, or nothing to record
 * (the outcome came in as the window closed, or the task is gone).
 */
export interface CallWindowOutcome {
  status: 'window_ended';
  taskId: string;
  recorded: boolean;
}

/**
 * RecordUnansweredCall: the call step's window ended and nobody recorded an outcome. The call
 * task stays on the list (a late outcome is still recorded) but counts against it: the task's
 * `missedCallWindows`, and a failed contact of the debtor, which the worklist's priority weighs
 * ("not reached once"). On the invoice's timeline, in the same transaction. Safe to repeat: a
 * window ends once per execution, and the task says it was counted.
 */
export async function recordCallWindowEnded(
  deps: { store: CreditStore; clock: Clock },
  payload: StepPayload,
): Promise<CallWindowOutcome> {
  const taskId = callTaskId(payload.execution);
  return retryOnConflict(async () => {
    const task = await deps.store.getTask(taskId);
    if (!task || task.status !== 'open' || task.missedCallWindows) {
      return { status: 'window_ended', taskId, recorded: false };
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const writes: StoreWrite[] = [
      {
        kind: 'putTask',
        task: revised(task, { missedCallWindows: (task.missedCallWindows ?? 0) + 1 }, now),
        expectedVersion: task.version,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId: payload.invoiceId },
        event: {
          at,
          type: 'call_window_ended',
          actor: WORKFLOW_ACTOR,
          summary:
            'Call window ended without an outcome: the dunning goes on, the call task stays on the list and counts as a failed contact',
          details: { taskId, execution: payload.execution, slot: payload.step },
        },
      },
    ];
    const debtor = task.debtorId ? await deps.store.getDebtor(task.debtorId) : undefined;
    if (debtor) {
      writes.push({
        kind: 'putDebtor',
        debtor: revised(debtor, { failedContacts: (debtor.failedContacts ?? 0) + 1 }, now),
        expectedVersion: debtor.version,
      });
    }
    await deps.store.commit(writes);
    return { status: 'window_ended', taskId, recorded: true };
  });
}
