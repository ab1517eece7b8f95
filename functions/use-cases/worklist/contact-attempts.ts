import type { TaskOutcome } from '../../core/worklist/task-outcomes';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import { revised } from '../record-versions';

const FAILED: readonly TaskOutcome[] = ['no_answer', 'wrong_contact'];

/**
 * A call that did not reach the debtor counts against it on the worklist ("not reached twice");
 * reaching it starts the count again. The debtor's write joins the task's own transaction.
 */
export async function contactAttemptWrites(
  store: CreditStore,
  task: TaskRecord,
  outcome: TaskOutcome,
  at: Date,
): Promise<StoreWrite[]> {
  if (task.kind !== 'call' || !task.debtorId) return [];
  const debtor = await store.getDebtor(task.debtorId);
  if (!debtor) return [];
  const failed = FAILED.includes(outcome);
  if (!failed && !debtor.failedContacts) return [];
  const failedContacts = failed ? (debtor.failedContacts ?? 0) + 1 : 0;
  return [
    { kind: 'putDebtor', debtor: revised(debtor, { failedContacts }, at), expectedVersion: debtor.version },
  ];
}
