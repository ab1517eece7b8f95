import { localDate } from '../../core/calendar/time-zone';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { conflict } from '../refusal';
import { debtorSummary } from '../steps/debtor-summary';
import { taskFromCallWrites } from './task-from-call';
import { accountManagerAttributes } from '../messages/account-manager-alert';

/**
 * The call outcome `financial_trouble`: the account manager is told at once, with the whole
 * account, and a manager's task to consider special management goes on the list with the closed
 * call task. The dunning is not paused here: pausing for special management is the manager's
 * decision, and until then the workflow goes on as after `reached`.
 *
 * The notice goes before the commit: the call task is still open, so a repeat of a request that
 * failed may notify twice, which is better than a closed task whose notice was lost.
 */
export async function recordFinancialTroubleOutcome(
  deps: { store: CreditStore; clock: Clock; notifier?: Notifier },
  task: TaskRecord,
  input: { note?: string; by: string },
  closing: readonly StoreWrite[],
): Promise<{ taskId: string }> {
  if (!task.invoiceId) {
    throw conflict(`Task ${task.id} is not about an invoice: tell the account manager directly.`);
  }
  if (!deps.notifier) throw new Error('recording financial trouble needs the account-managers topic');
  const invoice = await deps.store.getInvoice(task.invoiceId);
  if (!invoice) throw conflict(`Invoice ${task.invoiceId} of task ${task.id} no longer exists.`);
  const now = deps.clock.now();
  const debtor = await debtorOfInvoice(deps.store, invoice);
  const policy = await policyOfInvoice(deps.store, invoice, debtor);
  const today = localDate(now, policy.timeZone);
  const summary = debtorSummary(debtor, await deps.store.listInvoicesOfDebtor(debtor.id), today);
  await deps.notifier.publish({
    topic: 'account-managers',
    subject: `Customer in financial trouble: ${debtor.name} said so on the call about invoice ${invoice.number}`,
    message: {
      financialTrouble: {
        invoiceId: invoice.id,
        number: invoice.number,
        reportedBy: `user:${input.by}`,
        ...(input.note ? { note: input.note } : {}),
      },
      ...summary,
    },
    attributes: { kind: 'financial_trouble', ...accountManagerAttributes(debtor) },
  });
  const special = taskFromCallWrites({
    callTaskId: task.id,
    kind: 'consider_special_management',
    invoice,
    today,
    summary: `Consider special management for ${debtor.name}: in financial trouble, said on the call about invoice ${invoice.number}`,
    actor: `user:${input.by}`,
    at: now.toISOString(),
    forRole: 'manager',
  });
  await deps.store.commit([...closing, ...special.writes]);
  return { taskId: special.taskId };
}
