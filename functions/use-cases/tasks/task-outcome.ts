import type { TimelineEvent } from '../../core/ledger/timeline';
import type { CallOutcome } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import type { CreditStore, TaskRecord } from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';
import { revised } from '../record-versions';
import { conflict, notFound } from '../refusal';

export interface TaskOutcomeInput {
  taskId: string;
  outcome: CallOutcome;
  note?: string;
  /** The controller's user id (`sub`). */
  by: string;
}

export interface TaskOutcomeResult {
  task: Omit<TaskRecord, 'taskToken'>;
  /** Whether the dunning workflow was waiting for this outcome and goes on now. */
  workflowResumed: boolean;
}

/**
 * A controller records what came of a task. For a call task the parked workflow goes on at once
 * with the outcome as the step's result. The task is closed first: if the workflow is no longer
 * waiting (the invoice was paid, or the call window ended) the outcome is still recorded.
 */
export async function recordTaskOutcome(
  deps: { store: CreditStore; workflow: DunningWorkflow; clock: Clock },
  input: TaskOutcomeInput,
): Promise<TaskOutcomeResult> {
  const task = await deps.store.getTask(input.taskId);
  if (!task) throw notFound(`Task ${input.taskId} does not exist.`);
  if (task.status === 'closed') {
    throw conflict(`Task ${input.taskId} was closed on ${task.outcome?.at ?? 'an earlier date'}.`);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const closed = revised(
    task,
    {
      status: 'closed',
      outcome: { result: input.outcome, ...(input.note ? { note: input.note } : {}), by: input.by, at },
    },
    now,
  );
  const event: TimelineEvent = {
    at,
    type: 'task_closed',
    actor: `user:${input.by}`,
    summary: `${task.kind === 'call' ? 'Call' : 'Task'} outcome: ${input.outcome.replace('_', ' ')}`,
    details: { taskId: task.id, outcome: input.outcome, ...(input.note ? { note: input.note } : {}) },
  };
  // On the timeline of what the task is about: its invoice, else its debtor (a payment has none).
  const subject = task.invoiceId
    ? { invoiceId: task.invoiceId }
    : task.debtorId
      ? { debtorId: task.debtorId }
      : undefined;
  await deps.store.commit([
    { kind: 'putTask', task: closed, expectedVersion: task.version },
    ...(subject ? [{ kind: 'appendEvent' as const, subject, event }] : []),
  ]);

  let workflowResumed = false;
  if (task.taskToken) {
    const answer = await deps.workflow.completeTask(task.taskToken, {
      step: 'call',
      outcome: { status: 'done', callOutcome: input.outcome, taskId: task.id },
    });
    workflowResumed = answer === 'completed';
  }
  const { taskToken: _token, ...view } = closed;
  return { task: view, workflowResumed };
}
