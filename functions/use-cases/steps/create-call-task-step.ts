import { daysBetween } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { openMoney } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import { CALL_OUTCOMES, openTask } from '../../core/tasks/collection-task';
import type { TaskRecord } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import type { DunningWorkflow } from '../../ports/workflow';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { callBrief } from '../messages/call-brief';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { type ActiveStep, checkStep } from './check-step';
import { recordStep, type StepDeps } from './record-step';
import { type Skipped, skipped } from './step-outcome';
import type { CallStepPayload } from './step-payload';

export interface CallTaskDeps extends StepDeps {
  workflow: DunningWorkflow;
  notifier: Notifier;
  /** The language of the call brief; Dutch when not given. */
  businessLanguage?: ColleagueLanguage;
}

/** The workflow waits on the token until the controller records the call's outcome. */
export interface CallTaskParked {
  status: 'parked';
  taskId: string;
}

export type CallTaskOutcome = CallTaskParked | Skipped;

/** One call task per execution: the ASL's retries find it, and it holds that execution's token. */
export function callTaskId(execution: string): string {
  return `call--${execution}`;
}

/**
 * The call step (waitForTaskToken): puts a call on a controller's list, stores the token with it
 * and tells the controllers' channel. When the step does not apply, the token is answered at once
 * with the skip, so the workflow moves on instead of waiting for the call window to end.
 */
export async function createCallTask(deps: CallTaskDeps, payload: CallStepPayload): Promise<CallTaskOutcome> {
  const check = await checkStep(deps, payload);
  if ('outcome' in check) {
    await deps.workflow.completeTask(payload.taskToken, check.outcome);
    return check.outcome;
  }
  const task = await parkOnTask(deps, payload, check.active);
  if (!task) {
    const outcome = skipped(
      'stale_execution',
      'stale execution: the invoice changed hands while the task was made',
    );
    await deps.workflow.completeTask(payload.taskToken, outcome);
    return outcome;
  }
  await deps.notifier.publish({
    topic: 'call-tasks',
    subject: `Call task: invoice ${check.active.invoice.number}`,
    // Ids and amounts only: this channel may forward to email or chat. The controller opens the
    // task in the app, where the debtor's name and phone number sit behind the API's roles.
    message: {
      taskId: task.id,
      invoiceId: task.invoiceId,
      debtorId: task.debtorId,
      invoiceNumber: check.active.invoice.number,
      openAmount: openMoney(check.active.invoice),
      priority: task.priority,
      dueDate: task.dueDate,
      // Exactly what POST /tasks/{id}/outcome accepts; `promised` goes with a promisedDate.
      outcomes: CALL_OUTCOMES,
    },
    attributes: { kind: 'call' },
  });
  return { status: 'parked', taskId: task.id };
}

/**
 * Creates the task with the token, or, on a retry, finds it; undefined when the invoice is now
 * dunned by another execution (restarted a moment ago). Each attempt of a
 * waitForTaskToken state may bring a new token; only the newest can still be answered, so the
 * stored one is replaced.
 */
async function parkOnTask(
  deps: CallTaskDeps,
  payload: CallStepPayload,
  active: ActiveStep,
): Promise<TaskRecord | undefined> {
  const id = callTaskId(payload.execution);
  return retryOnConflict(async () => {
    const existing = await deps.store.getTask(id);
    if (existing) {
      if (existing.taskToken === payload.taskToken) return existing;
      const refreshed = revised(existing, { taskToken: payload.taskToken }, deps.clock.now());
      await deps.store.commit([{ kind: 'putTask', task: refreshed, expectedVersion: existing.version }]);
      return refreshed;
    }
    const now = deps.clock.now();
    const brief = await callBrief(deps.store, {
      invoice: active.invoice,
      tone: active.step.tone,
      today: localDate(now, active.policy.timeZone),
      language: deps.businessLanguage ?? 'nl',
    });
    const task = callTask(active, payload, now, brief);
    const recorded = await recordStep(deps, payload, {
      status: 'done',
      event: {
        type: 'task_created',
        summary: `Call task created for a controller: ${task.summary}`,
        details: { taskId: task.id, kind: 'call', priority: task.priority },
      },
      alsoWrite: async () => [{ kind: 'putTask', task, expectedVersion: null }],
    });
    return recorded === 'superseded' ? undefined : task;
  });
}

function callTask(active: ActiveStep, payload: CallStepPayload, now: Date, brief: string): TaskRecord {
  const { invoice, policy } = active;
  const today = localDate(now, policy.timeZone);
  const daysOverdue = Math.max(0, daysBetween(invoice.dueDate, today));
  const task = openTask({
    id: callTaskId(payload.execution),
    kind: 'call',
    invoice,
    today,
    summary: `invoice ${invoice.number}, ${formatMoney(openMoney(invoice), 'en')} open, ${daysOverdue} days overdue`,
    brief,
    slot: payload.step,
    taskToken: payload.taskToken,
    execution: payload.execution,
  });
  return firstVersion(task, now.toISOString());
}
