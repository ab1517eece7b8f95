import { type TaskKind, openTask } from '../../core/tasks/collection-task';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';

/**
 * The writes of a task that a call outcome puts on the list: the task and its timeline entry. Its
 * id derives from the call task, so the same outcome recorded twice cannot raise it twice.
 */
export function taskFromCallWrites(input: {
  callTaskId: string;
  kind: TaskKind;
  invoice: InvoiceRecord;
  today: string;
  summary: string;
  actor: string;
  at: string;
  forRole?: 'manager';
}): { taskId: string; writes: StoreWrite[] } {
  const taskId = `${input.kind.replaceAll('_', '-')}--${input.callTaskId}`;
  const task = openTask({
    id: taskId,
    kind: input.kind,
    invoice: input.invoice,
    today: input.today,
    summary: input.summary,
    ...(input.forRole ? { forRole: input.forRole } : {}),
  });
  return {
    taskId,
    writes: [
      { kind: 'putTask', task: firstVersion(task, input.at), expectedVersion: null },
      {
        kind: 'appendEvent',
        subject: { invoiceId: input.invoice.id },
        event: {
          at: input.at,
          type: 'task_created',
          actor: input.actor,
          summary: input.summary,
          details: {
            taskId,
            kind: input.kind,
            callTaskId: input.callTaskId,
            ...(input.forRole ? { forRole: input.forRole } : {}),
          },
        },
      },
    ],
  };
}
