import { localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import { planPaid, planTotal } from '../../core/plans/payment-plan';
import { openTask } from '../../core/tasks/collection-task';
import type { InvoiceRecord, PlanRecord, StoreWrite } from '../../ports/credit-store';
import type { DunningExecutionInput, DunningWorkflow } from '../../ports/workflow';
import { resumeDunning } from '../dunning/resume-dunning';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import type { PlanDeps } from './plan-deps';
import { sendPlanEmail } from './plan-email';
import { formatPaymentReference } from './plan-reference';
import type { PlanStepPayload } from './plan-step-payload';

/** One task per broken plan: a retried BreakPlan finds it. */
function brokenPlanTaskId(planId: string): string {
  return `broken-payment-plan--${planId}`;
}

export type BreakOutcome =
  { status: 'done'; resumed: number } | { status: 'skipped'; skip: 'plan_not_broken' | 'stale_execution' };

/**
 * BreakPlan, after CheckInstalment broke the plan: a task for the controller, an email that the
 * whole rest is due at once, and the dunning of every invoice still open resumed at its final
 * notice (or a later step it had reached), acting today with the claim of that day. Each part is
 * done once, so a retry after a fault repeats nothing.
 */
export async function breakPlan(
  deps: Omit<PlanDeps, 'plans'>,
  payload: PlanStepPayload,
): Promise<BreakOutcome> {
  const plan = await deps.store.getPlan(payload.planId);
  if (!plan || plan.status !== 'broken') return { status: 'skipped', skip: 'plan_not_broken' };
  if (plan.execution !== payload.execution) return { status: 'skipped', skip: 'stale_execution' };
  const invoices = (
    await Promise.all(plan.parts.map((part) => deps.store.getInvoice(part.invoiceId)))
  ).filter(
    (invoice): invoice is InvoiceRecord =>
      invoice !== undefined && isCollecting(invoice) && hasOpenBalance(invoice),
  );
  await deps.store.commit(await brokenPlanTask(deps, plan, invoices));
  await sendPlanEmail(deps, plan, { kind: 'broken', key: `${plan.id}#broken`, actor: 'workflow' });
  // Every invoice is written as resumed before any of their executions runs, so that the first
  // final notice finds the others due as well and one letter lists them all, the same day.
  const held = startsHeldBack(deps.workflow);
  let resumed = 0;
  for (const invoice of invoices) {
    const result = await resumeDunning(
      { ...deps, workflow: held.workflow },
      invoice.id,
      { reason: 'payment_plan', ref: plan.id },
      'workflow',
      { atLeast: 'finalNotice' },
    );
    if (result === 'resumed') resumed += 1;
  }
  await held.release();
  await retryOnConflict(async () => {
    const latest = await deps.store.getPlan(plan.id);
    if (!latest || latest.breakDoneAt) return;
    const now = deps.clock.now();
    // Done: the daily sweep no longer looks for a failed execution of this plan.
    await deps.store.commit([
      {
        kind: 'putPlan',
        plan: revised(latest, { breakDoneAt: now.toISOString() }, now),
        expectedVersion: latest.version,
      },
    ]);
  });
  return { status: 'done', resumed };
}

async function brokenPlanTask(
  deps: Pick<PlanDeps, 'store' | 'clock'>,
  plan: PlanRecord,
  invoices: readonly InvoiceRecord[],
): Promise<StoreWrite[]> {
  const id = brokenPlanTaskId(plan.id);
  const oldest = invoices[0];
  if (!oldest || (await deps.store.getTask(id))) return [];
  const now = deps.clock.now();
  const at = now.toISOString();
  const rest = formatMoney({ amount: planTotal(plan) - planPaid(plan), currency: plan.currency }, 'en');
  const summary = `Payment plan ${formatPaymentReference(plan.reference)} broken at instalment ${plan.brokenAt ?? '?'}: ${rest} is due at once; the final notice goes out for ${invoices.length === 1 ? `invoice ${oldest.number}` : `${invoices.length} invoices`}`;
  const task = openTask({
    id,
    kind: 'broken_payment_plan',
    invoice: oldest,
    today: localDate(now, plan.timeZone),
    summary,
  });
  return [
    { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
    {
      kind: 'appendEvent',
      subject: { invoiceId: oldest.id },
      event: {
        at,
        type: 'task_created',
        actor: 'workflow',
        summary,
        details: { taskId: id, kind: 'broken_payment_plan', priority: task.priority, planId: plan.id },
      },
    },
  ];
}

/**
 * The dunning workflow with its starts held back until `release`. A start lost after its
 * invoice was written is restored by the daily sweep, as after any lost start.
 */
function startsHeldBack(workflow: DunningWorkflow): {
  workflow: DunningWorkflow;
  release: () => Promise<void>;
} {
  const held: DunningExecutionInput[] = [];
  return {
    workflow: {
      start: async (input) => {
        held.push(input);
        return { started: true };
      },
      stop: (execution, reason) => workflow.stop(execution, reason),
      describe: (execution) => workflow.describe(execution),
      running: () => workflow.running(),
      completeTask: (taskToken, output) => workflow.completeTask(taskToken, output),
    },
    release: async () => {
      for (const input of held.splice(0)) await workflow.start(input);
    },
  };
}
