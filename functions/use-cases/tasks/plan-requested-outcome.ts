import { addDays } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { StoreWrite, TaskRecord } from '../../ports/credit-store';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import {
  pausedInvoice,
  pauseWrites,
  refuseUnlessPausable,
  stopPausedExecutions,
} from '../dunning/pause-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict } from '../record-versions';
import { conflict } from '../refusal';
import { taskFromCallWrites } from './task-from-call';

/** The longest the dunning waits for a plan that was asked for: a week, then it goes on. */
const PLAN_REQUEST_PAUSE_DAYS = 7;

export interface PlanRequested {
  /** The task on the list to set up the plan. */
  taskId: string;
  /** The day the sweep resumes the dunning if no plan (or other pause) has taken over. */
  pausedUntil: string;
}

/**
 * The call outcome `plan_requested`: a controller's task to set up a payment plan, and the
 * invoice's dunning paused for at most a week, in the same transaction that closes the call task.
 * The workflow waiting on the call is stopped, not answered, so the account-manager step does not
 * follow; if nothing else happened by the pause's last day the sweep resumes it there.
 */
export async function recordPlanRequestedOutcome(
  deps: DunningDeps,
  task: TaskRecord,
  input: { note?: string; by: string },
  closing: readonly StoreWrite[],
): Promise<PlanRequested> {
  if (!task.invoiceId) {
    throw conflict(`Task ${task.id} is not about an invoice: set up the plan on the debtor instead.`);
  }
  const invoiceId = task.invoiceId;
  const { requested, before } = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice) throw conflict(`Invoice ${invoiceId} of task ${task.id} no longer exists.`);
    refuseUnlessPausable(invoice, 'plan_requested', 'plan');
    const now = deps.clock.now();
    const at = now.toISOString();
    const actor = `user:${input.by}`;
    const debtor = await debtorOfInvoice(deps.store, invoice);
    const policy = await policyOfInvoice(deps.store, invoice, debtor);
    const today = localDate(now, policy.timeZone);
    const pausedUntil = addDays(today, PLAN_REQUEST_PAUSE_DAYS);
    const planTask = taskFromCallWrites({
      callTaskId: task.id,
      kind: 'set_up_payment_plan',
      invoice,
      today,
      summary: `Set up a payment plan for invoice ${invoice.number}: the debtor asked for one on the call; the dunning goes on on ${pausedUntil} if none is set up`,
      actor,
      at,
    });
    const paused = await pausedInvoice(
      deps.store,
      invoice,
      debtor,
      {
        reason: 'plan_requested',
        by: actor,
        at,
        until: pausedUntil,
        ref: planTask.taskId,
        ...(input.note ? { note: input.note } : {}),
      },
      now,
    );
    await deps.store.commit([
      ...closing,
      ...pauseWrites(
        invoice,
        paused,
        `Dunning paused until ${pausedUntil}: the debtor asked for a payment plan`,
      ),
      ...planTask.writes,
    ]);
    return { requested: { taskId: planTask.taskId, pausedUntil }, before: invoice };
  });
  await stopPausedExecutions(deps.workflow, [before], 'plan_requested');
  return requested;
}
