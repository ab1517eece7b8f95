import type { DisputeCause } from '../../core/disputes/dispute';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import type { DunningWorkflow } from '../../ports/workflow';
import { conflict, invalid } from '../refusal';
import type { DisputeView } from './dispute-view';
import { raiseDispute } from './raise-dispute';

/**
 * The call outcome `disputed`: the dispute is recorded and the dunning paused in the same
 * transaction that closes the task. The workflow waiting on the call is stopped, not answered, so
 * the account-manager step does not follow; a rejected or withdrawn dispute resumes it there.
 */
export async function recordDisputedOutcome(
  deps: { store: CreditStore; workflow: DunningWorkflow; clock: Clock; notifier?: Notifier },
  task: TaskRecord,
  input: { cause?: DisputeCause; note?: string; by: string },
  closing: readonly StoreWrite[],
): Promise<DisputeView> {
  const issues = [
    ...(input.cause ? [] : [{ path: 'cause', message: 'outcome disputed needs a cause' }]),
    ...(input.note?.trim() ? [] : [{ path: 'note', message: 'outcome disputed needs a note' }]),
  ];
  if (issues.length > 0 || !input.cause || !input.note) throw invalid(issues);
  if (!task.invoiceId) {
    throw conflict(`Task ${task.id} is not about an invoice: record the dispute on the invoice instead.`);
  }
  if (!deps.notifier) throw new Error('recording a dispute needs the disputes topic');
  return raiseDispute(
    { ...deps, notifier: deps.notifier },
    { invoiceId: task.invoiceId, cause: input.cause, note: input.note, by: input.by, taskId: task.id },
    async () => [...closing],
  );
}
