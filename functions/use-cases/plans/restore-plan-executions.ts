import { localDate } from '../../core/calendar/time-zone';
import { DEFAULT_RESTORE_LIMIT } from '../../core/dunning/dunning-state';
import { nextUnpaidInstalment, planExecutionName } from '../../core/plans/payment-plan';
import { instalmentTimes } from '../../core/plans/plan-schedule';
import { openTask } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import {
  ConcurrentModificationError,
  type CreditStore,
  type PlanRecord,
  type StoreWrite,
} from '../../ports/credit-store';
import type { PlanWorkflow } from '../../ports/plan-workflow';
import { hasFailed } from '../../ports/workflow';
import { firstVersion, revised } from '../record-versions';
import { formatPaymentReference } from './plan-reference';

const SWEEP_ACTOR = 'sweep';

export interface PlanRestoreReport {
  /** Plans whose execution had failed or was lost, started again where the plan stands. */
  restored: number;
  /** Plans whose execution kept failing, held for a controller by this sweep (each once). */
  needsAttention: string[];
  failed: { planId: string; error: string }[];
}

/** One task per held plan: a second sweep finds it. */
function planAttentionTaskId(planId: string): string {
  return `payment-plan-needs-attention--${planId}`;
}

/**
 * The daily sweep's part in payment plans: every plan whose execution still has work to do (it
 * is active, or broken and BreakPlan has not done everything) and whose execution is not running
 * (it failed after its retries, or was lost) gets a new execution, the plan's next attempt, at the
 * instalment it stands at: the first one not paid, or, after a break, the missed one, whose check
 * breaks it again so that BreakPlan finishes. Each part of a step is done once, so a restored
 * step repeats nothing the debtor would see twice. After `restoreLimit` restores of failed
 * executions the plan is held for a controller (one task) and left alone until a manager's change.
 */
export async function restorePlanExecutions(
  deps: { store: CreditStore; plans: PlanWorkflow; clock: Clock },
  options: { restoreLimit: number } = { restoreLimit: DEFAULT_RESTORE_LIMIT },
): Promise<PlanRestoreReport> {
  const report: PlanRestoreReport = { restored: 0, needsAttention: [], failed: [] };
  for (const listed of await deps.store.listPlansUnderWay()) {
    try {
      const status = await deps.plans.status(listed.execution);
      if (status === 'RUNNING' || status === 'PENDING_REDRIVE') continue;
      // Read again after asking Step Functions: a step may have moved the plan on meanwhile.
      const plan = await deps.store.getPlan(listed.id);
      if (!plan || plan.version !== listed.version) continue;
      const failed = hasFailed(status ? { status } : undefined);
      const restores = (plan.restores ?? 0) + (failed ? 1 : 0);
      if (failed && restores > options.restoreLimit) {
        await holdPlanForAttention(deps, plan);
        report.needsAttention.push(plan.id);
        continue;
      }
      await restorePlan(deps, plan, restores, status ?? 'lost');
      report.restored += 1;
    } catch (error) {
      // A payment or a step changed the plan while we looked: the next sweep sees the new state.
      if (error instanceof ConcurrentModificationError) continue;
      report.failed.push({
        planId: listed.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}

async function restorePlan(
  deps: { store: CreditStore; plans: PlanWorkflow; clock: Clock },
  plan: PlanRecord,
  restores: number,
  was: string,
): Promise<void> {
  const instalment =
    plan.status === 'broken'
      ? plan.instalments.find((i) => i.number === plan.brokenAt)
      : nextUnpaidInstalment(plan);
  if (!instalment) throw new Error(`payment plan ${plan.id} has no instalment to resume at`);
  const now = deps.clock.now();
  const at = now.toISOString();
  const attempt = plan.attempt + 1;
  const restored = revised(plan, { attempt, execution: planExecutionName(plan.id, attempt), restores }, now);
  const summary = `Payment plan ${formatPaymentReference(plan.reference)}: its execution ${plan.execution} ${was === 'lost' ? 'was lost' : `ended ${was.toLowerCase()}`}; started again at instalment ${instalment.number}${plan.status === 'broken' ? ' to finish the break' : ''}`;
  const details = { planId: plan.id, from: plan.execution, execution: restored.execution, restores };
  await deps.store.commit([
    { kind: 'putPlan', plan: restored, expectedVersion: plan.version },
    {
      kind: 'appendEvent',
      subject: { debtorId: plan.debtorId },
      event: { at, type: 'payment_plan_restored', actor: SWEEP_ACTOR, summary, details },
    },
  ]);
  await deps.plans.start({
    planId: plan.id,
    execution: restored.execution,
    instalment: instalmentTimes(plan, instalment, plan),
  });
}

async function holdPlanForAttention(
  deps: { store: CreditStore; clock: Clock },
  plan: PlanRecord,
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const taskId = planAttentionTaskId(plan.id);
  const oldest = plan.parts[0];
  const invoice = oldest ? await deps.store.getInvoice(oldest.invoiceId) : undefined;
  if (!invoice) throw new Error(`the invoices of payment plan ${plan.id} are missing`);
  const summary =
    `Payment plan ${formatPaymentReference(plan.reference)}: its execution ${plan.execution} failed again after ` +
    `${plan.restores ?? 0} restores; find the cause in the execution's history, fix it, then change the plan ` +
    `(POST /payment-plans/${plan.id}/amendments), which starts it again`;
  const writes: StoreWrite[] = [
    {
      kind: 'putPlan',
      plan: revised(plan, { attention: { at, taskId } }, now),
      expectedVersion: plan.version,
    },
    ...[{ debtorId: plan.debtorId }, { invoiceId: invoice.id }].map((subject): StoreWrite => ({
      kind: 'appendEvent',
      subject,
      event: {
        at,
        type: 'payment_plan_needs_attention',
        actor: SWEEP_ACTOR,
        summary,
        details: { planId: plan.id, execution: plan.execution, taskId },
      },
    })),
  ];
  if (!(await deps.store.getTask(taskId))) {
    const task = openTask({
      id: taskId,
      kind: 'payment_plan_needs_attention',
      invoice,
      today: localDate(now, plan.timeZone),
      summary,
      execution: plan.execution,
    });
    writes.push({ kind: 'putTask', task: firstVersion(task, at), expectedVersion: null });
  }
  await deps.store.commit(writes);
}
