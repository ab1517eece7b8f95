import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';
import { conflict, invalid } from '../refusal';
import { takePromise } from './take-promise';
import type { PromiseView } from './promise-view';

/**
 * The call outcome `promised`: the promise is recorded and the dunning paused in the same
 * transaction that closes the task. The workflow waiting on the call is stopped, not answered, so
 * the account-manager step does not follow; a broken promise resumes it there.
 */
export async function recordPromisedOutcome(
  deps: { store: CreditStore; workflow: DunningWorkflow; clock: Clock },
  task: TaskRecord,
  input: {
    promisedDate?: string;
    amount?: number;
    note?: string;
    by: string;
    byEmail?: string | null;
    isManager?: boolean;
  },
  closing: readonly StoreWrite[],
): Promise<PromiseView> {
  if (!input.promisedDate) {
    throw invalid([{ path: 'promisedDate', message: 'outcome promised needs a promisedDate' }]);
  }
  if (!task.invoiceId) {
    throw conflict(`Task ${task.id} is not about an invoice: record the promise on the invoice instead.`);
  }
  return takePromise(
    deps,
    {
      invoiceIds: [task.invoiceId],
      promisedDate: input.promisedDate,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      ...(input.note ? { note: input.note } : {}),
      by: input.by,
      byEmail: input.byEmail,
      isManager: input.isManager ?? false,
      taskId: task.id,
    },
    async () => [...closing],
  );
}
