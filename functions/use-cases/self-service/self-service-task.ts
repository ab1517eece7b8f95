import { localDate } from '../../core/calendar/time-zone';
import { type TaskKind, openTask } from '../../core/tasks/collection-task';
import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { policyOfInvoice } from '../claims/invoice-policy';
import { firstVersion } from '../record-versions';
import { DEBTOR_ACTOR, type SelfServiceDeps } from './self-service-deps';

/**
 * A task for the account's owner from a request on the page, on the debtor's oldest open invoice
 * (the worklist groups tasks per debtor, under its owner). Its id derives from the submission, so
 * a form posted twice puts one task on the list. Written with its timeline entries, as the debtor's.
 */
export async function requestTask(
  deps: SelfServiceDeps,
  input: {
    debtor: DebtorRecord;
    invoice: InvoiceRecord;
    kind: TaskKind;
    submission: string;
    summary: string;
    details: Record<string, unknown>;
  },
): Promise<string> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const policy = await policyOfInvoice(deps.store, input.invoice, input.debtor);
  const taskId = `${input.kind.replaceAll('_', '-')}--${input.submission}`;
  const task = openTask({
    id: taskId,
    kind: input.kind,
    invoice: input.invoice,
    today: localDate(now, policy.timeZone),
    summary: input.summary,
  });
  const event = {
    at,
    type: 'task_created' as const,
    actor: DEBTOR_ACTOR,
    summary: input.summary,
    details: { taskId, kind: input.kind, ...input.details },
  };
  const writes: StoreWrite[] = [
    { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
    { kind: 'appendEvent', subject: { invoiceId: input.invoice.id }, event },
    {
      kind: 'appendEvent',
      subject: { debtorId: input.debtor.id },
      event: { ...event, type: 'debtor_request' },
    },
  ];
  await deps.store.commit(writes);
  return taskId;
}
