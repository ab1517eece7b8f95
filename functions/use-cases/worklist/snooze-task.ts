import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { type TaskWithDetails, withDetails } from './task-details';

/**
 * POST /tasks/{id}/snooze: puts a task off to a later day with a reason. It leaves the list until
 * that day and is due then, so it is not counted as unhandled meanwhile; the timeline says why.
 */
export async function snoozeTask(
  deps: { store: CreditStore; clock: Clock },
  input: { taskId: string; until: string; reason: string; by: string },
): Promise<TaskWithDetails> {
  const task = await deps.store.getTask(input.taskId);
  if (!task) throw notFound(`Task ${input.taskId} does not exist.`);
  if (task.status === 'closed')
    throw conflict(`Task ${input.taskId} is closed; only an open task can be snoozed.`);
  const now = deps.clock.now();
  const today = localDate(now, BUSINESS_TIME_ZONE);
  if (input.until <= today) {
    throw invalid([{ path: 'until', message: `must be a day after today (${today})` }]);
  }
  const at = now.toISOString();
  const snoozed = revised(
    task,
    {
      dueDate: input.until,
      snoozed: { until: input.until, reason: input.reason, by: `user:${input.by}`, at },
    },
    now,
  );
  const subject = task.invoiceId
    ? { invoiceId: task.invoiceId }
    : task.debtorId
      ? { debtorId: task.debtorId }
      : undefined;
  await deps.store.commit([
    { kind: 'putTask', task: snoozed, expectedVersion: task.version },
    ...(subject
      ? [
          {
            kind: 'appendEvent' as const,
            subject,
            event: {
              at,
              type: 'task_snoozed' as const,
              actor: `user:${input.by}`,
              summary: `Task snoozed until ${input.until}: ${input.reason}`,
              details: { taskId: task.id, until: input.until, reason: input.reason },
            },
          },
        ]
      : []),
  ]);
  return withDetails(snoozed, undefined, undefined);
}
