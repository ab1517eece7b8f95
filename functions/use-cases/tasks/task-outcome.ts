import type { TimelineEvent } from '../../core/ledger/timeline';
import type { DisputeCause } from '../../core/disputes/dispute';
import { outcomeFits, outcomesFor, type TaskOutcome } from '../../core/worklist/task-outcomes';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import type { DunningWorkflow } from '../../ports/workflow';
import { recordDisputedOutcome } from '../disputes/dispute-from-call';
import type { DisputeView } from '../disputes/dispute-view';
import { recordPromisedOutcome } from '../promises/promise-from-call';
import type { PromiseView } from '../promises/promise-view';
import { revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { outcomeActivity } from '../reports/controllers-activity';
import { contactAttemptWrites } from '../worklist/contact-attempts';
import { recordFinancialTroubleOutcome } from './financial-trouble-outcome';
import { type PlanRequested, recordPlanRequestedOutcome } from './plan-requested-outcome';

export interface TaskOutcomeInput {
  taskId: string;
  outcome: TaskOutcome;
  note?: string;
  /** The controller's user id (`sub`). */
  by: string;
  /** The controller's email, shown with their figures in GET /reports/controllers. */
  byEmail?: string | null;
  /** With outcome `promised`: the promise to record. */
  promisedDate?: string;
  amount?: number;
  /** With outcome `disputed`: why the debtor disputes the invoice (the note says what they said). */
  cause?: DisputeCause;
  /** Whether the caller is a manager (may take a promise beyond the policy's broken-promise limit). */
  isManager?: boolean;
}

export interface TaskOutcomeResult {
  task: Omit<TaskRecord, 'taskToken'>;
  /** Whether the dunning workflow was waiting for this outcome and goes on now. */
  workflowResumed: boolean;
  /** With outcome `promised`: the promise recorded; the dunning is paused instead of going on. */
  promise?: PromiseView;
  /** With outcome `disputed`: the dispute recorded; the dunning is paused instead of going on. */
  dispute?: DisputeView;
  /** With outcome `plan_requested`: the task to set up the plan, and the day the pause ends at the latest. */
  planRequest?: PlanRequested;
  /** With outcome `financial_trouble`: the manager's task to consider special management. */
  specialManagementTaskId?: string;
}

/**
 * A controller records what came of a task. For a call task the parked workflow goes on at once
 * with the outcome as the step's result. The task is closed first: if the workflow is no longer
 * waiting (the invoice was paid, or the call window ended) the outcome is still recorded.
 */
export async function recordTaskOutcome(
  deps: { store: CreditStore; workflow: DunningWorkflow; clock: Clock; notifier?: Notifier },
  input: TaskOutcomeInput,
): Promise<TaskOutcomeResult> {
  const task = await deps.store.getTask(input.taskId);
  if (!task) throw notFound(`Task ${input.taskId} does not exist.`);
  if (task.status === 'closed') {
    throw conflict(`Task ${input.taskId} was closed on ${task.outcome?.at ?? 'an earlier date'}.`);
  }
  if (!outcomeFits(task.kind, input.outcome)) {
    throw invalid([
      { path: 'outcome', message: `a ${task.kind} task takes one of: ${outcomesFor(task.kind).join(', ')}` },
    ]);
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
  const closing: StoreWrite[] = [
    { kind: 'putTask', task: closed, expectedVersion: task.version },
    ...(subject ? [{ kind: 'appendEvent' as const, subject, event }] : []),
    ...outcomeActivity(task, input.outcome, { sub: input.by, email: input.byEmail }, now),
  ];
  if (input.outcome === 'promised') {
    const promise = await recordPromisedOutcome(deps, task, input, closing);
    const { taskToken: _token, ...view } = closed;
    return { task: view, workflowResumed: false, promise };
  }
  if (input.outcome === 'disputed') {
    const dispute = await recordDisputedOutcome(deps, task, input, closing);
    const { taskToken: _token, ...view } = closed;
    return { task: view, workflowResumed: false, dispute };
  }
  if (input.outcome === 'plan_requested') {
    const planRequest = await recordPlanRequestedOutcome(deps, task, input, closing);
    const { taskToken: _token, ...view } = closed;
    return { task: view, workflowResumed: false, planRequest };
  }
  let specialManagementTaskId: string | undefined;
  if (input.outcome === 'financial_trouble') {
    // The dunning goes on as after `reached`: the call task closes with the manager's task.
    specialManagementTaskId = (await recordFinancialTroubleOutcome(deps, task, input, closing)).taskId;
  } else {
    await deps.store.commit([
      ...closing,
      ...(await contactAttemptWrites(deps.store, task, input.outcome, now)),
    ]);
  }

  let workflowResumed = false;
  if (task.taskToken) {
    const answer = await deps.workflow.completeTask(task.taskToken, {
      step: 'call',
      outcome: { status: 'done', callOutcome: input.outcome, taskId: task.id },
    });
    workflowResumed = answer === 'completed';
  }
  const { taskToken: _token, ...view } = closed;
  return { task: view, workflowResumed, ...(specialManagementTaskId ? { specialManagementTaskId } : {}) };
}
