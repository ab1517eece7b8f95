import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import type { Clock } from '../../ports/clock';
import type { DunningWorkflow } from '../../ports/workflow';
import { retryOnConflict, revised } from '../record-versions';
import { parkEndsAtNextStep } from './park-until-next-step';
import { callTaskId } from './create-call-task-step';
import { WORKFLOW_ACTOR } from './record-step';
import type { CallWindowEndedPayload, StepPayload } from './step-payload';

export { PARK_TOLERANCE_MS } from './park-until-next-step';

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
 * RecordUnansweredCall as a whole: records the window's end, then either leaves the state parked
 * until its time limit (however short: a fault here never holds up the dunning), which the plan made the account manager's step (`parked`: the unanswered
 * path goes straight on to EscalateToAccountManager), or answers the token at once, so that
 * WaitUntilAccountManager waits for the step's own time. The token is not stored on the call
 * task: a late outcome must not bring the account manager forward.
 */
export async function endCallWindow(
  deps: { store: CreditStore; clock: Clock; workflow: DunningWorkflow },
  payload: CallWindowEndedPayload,
): Promise<CallWindowOutcome & { parked: boolean }> {
  const outcome = await recordCallWindowEnded(deps, payload);
  if (parkEndsAtAccountManager(deps.clock.now(), payload)) return { ...outcome, parked: true };
  await deps.workflow.completeTask(payload.taskToken, outcome);
  return { ...outcome, parked: false };
}

/**
 * Whether parking for `parkSeconds` from now ends when WaitUntilAccountManager would: at the
 * account manager's step, or at once when that time has passed (the plan's least park, 1 second,
 * stands for "at once"). It does when the call window ended as planned. It does not when the call
 * step was deferred or a retried attempt came long after the window: the window ended late, and a
 * park of the planned length would bring the account manager late as well.
 */
export function parkEndsAtAccountManager(
  now: Date,
  payload: Pick<CallWindowEndedPayload, 'accountManagerAt' | 'parkSeconds'>,
): boolean {
  return parkEndsAtNextStep(now, { nextStepAt: payload.accountManagerAt, seconds: payload.parkSeconds });
}

/**
 * The call step's window ended and nobody recorded an outcome. The call
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
