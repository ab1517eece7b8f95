import { type PaymentPlan, nextUnpaidInstalment } from '../../core/plans/payment-plan';
import { instalmentTimes } from '../../core/plans/plan-schedule';
import type { PlanWorkflow } from '../../ports/plan-workflow';

/**
 * Starts the plan's current execution at its first instalment not paid in full. Called after the
 * plan is committed: if the start is lost, nothing reminds or checks the plan, so the caller's
 * retry (the API answer is an error) starts it again under the same name.
 */
export async function startPlanExecution(plans: PlanWorkflow, plan: PaymentPlan): Promise<void> {
  const instalment = nextUnpaidInstalment(plan);
  if (!instalment || plan.status !== 'active') return;
  await plans.start({
    planId: plan.id,
    execution: plan.execution,
    instalment: instalmentTimes(plan, instalment, plan),
  });
}
