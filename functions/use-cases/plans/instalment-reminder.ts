import type { PlanRecord } from '../../ports/credit-store';
import type { PlanDeps } from './plan-deps';
import { sendPlanEmail } from './plan-email';
import type { PlanStepPayload } from './plan-step-payload';

export type PlanStepOutcome =
  | { status: 'sent' }
  | {
      status: 'skipped';
      skip: 'plan_not_active' | 'stale_execution' | 'already_paid' | 'no_email_address' | 'sent_before';
    };

/**
 * SendInstalmentReminder: a few days before an instalment's date (policy data) the debtor gets
 * the amount, the plan's reference and the EPC QR code. Skipped when the plan ended, when this
 * execution was replaced by a manager's change, or when the instalment is paid already.
 */
export async function sendInstalmentReminder(
  deps: Pick<PlanDeps, 'store' | 'clock' | 'mailer' | 'creditor'>,
  payload: PlanStepPayload,
): Promise<PlanStepOutcome> {
  const plan = await deps.store.getPlan(payload.planId);
  const current = currentPlan(plan, payload.execution);
  if (current.status === 'skipped') return current;
  const instalment = current.plan.instalments.find((i) => i.number === payload.instalment.number);
  if (!instalment || instalment.paidAmount >= instalment.amount)
    return { status: 'skipped', skip: 'already_paid' };
  const sent = await sendPlanEmail(deps, current.plan, {
    kind: 'reminder',
    // Per schedule, not per execution: a restored execution does not remind twice of one date.
    key: `${current.plan.id}#reminder#${instalment.number}#${(current.plan.amendments?.length ?? 0) + 1}`,
    due: instalment,
    actor: 'workflow',
  });
  return sent === 'sent' ? { status: 'sent' } : { status: 'skipped', skip: sent };
}

/** The plan, if it is active and this is its current execution. */
export function currentPlan(
  plan: PlanRecord | undefined,
  execution: string,
):
  | { status: 'current'; plan: PlanRecord }
  | { status: 'skipped'; skip: 'plan_not_active' | 'stale_execution' } {
  if (!plan || plan.status !== 'active') return { status: 'skipped', skip: 'plan_not_active' };
  if (plan.execution !== execution) return { status: 'skipped', skip: 'stale_execution' };
  return { status: 'current', plan };
}
