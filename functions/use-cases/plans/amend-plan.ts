import { localDate } from '../../core/calendar/time-zone';
import { nextUnpaidInstalment, planExecutionName, planPaid, planTotal } from '../../core/plans/payment-plan';
import { refillInstalments } from '../../core/plans/plan-allocation';
import { planRulesOf } from '../../core/plans/plan-rules';
import { planIssues, type ProposedInstalment } from '../../core/plans/plan-validation';
import type { PlanRecord, StoreWrite } from '../../ports/credit-store';
import { policyFor } from '../policies/policy-catalogue';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import type { PlanDeps } from './plan-deps';
import { sendPlanEmail } from './plan-email';
import { startPlanExecution } from './plan-execution';
import { formatPaymentReference } from './plan-reference';
import { type PlanView, planView } from './plan-view';

export interface AmendPlanInput {
  planId: string;
  /** The new schedule of what is still to pay: replaces every instalment not paid in full. */
  instalments: readonly ProposedInstalment[];
  reason: string;
  /** The manager's id (`sub`). */
  by: string;
}

/**
 * A manager's change to an active plan (a longer term, other dates): the instalments paid in
 * full stay, the new ones replace the rest and must add up to what is still to pay; what was
 * paid of a replaced instalment passes on to the first new one. The change and its reason go on
 * the timeline; the plan's execution is replaced by one that follows the new dates, and the
 * debtor gets the new schedule.
 */
export async function amendPlan(deps: Omit<PlanDeps, 'workflow'>, input: AmendPlanInput): Promise<PlanView> {
  const { before, after } = await retryOnConflict(async () => {
    const plan = await deps.store.getPlan(input.planId);
    if (!plan) throw notFound(`Payment plan ${input.planId} does not exist.`, 'plan_not_found');
    if (plan.status !== 'active') {
      throw conflict(
        `Payment plan ${plan.id} is ${plan.status}: only an active plan can be changed.`,
        'plan_not_active',
      );
    }
    const policy = await policyFor(deps.store, plan.policyId);
    if (!policy) throw new Error(`dunning policy ${plan.policyId} of plan ${plan.id} does not exist`);
    const now = deps.clock.now();
    const today = localDate(now, plan.timeZone);
    const kept = plan.instalments.filter((instalment) => instalment.status === 'paid');
    const keptTotal = kept.reduce((sum, instalment) => sum + instalment.amount, 0);
    const lastKept = kept.at(-1)?.dueDate;
    const issues = planIssues({
      instalments: input.instalments,
      total: planTotal(plan) - keptTotal,
      currency: plan.currency,
      today,
      rules: planRulesOf(policy),
      amending: lastKept ? { after: lastKept } : {},
    });
    if (issues.length > 0) throw invalid(issues, 'The payment plan cannot be changed as asked.');

    const at = now.toISOString();
    const actor = `user:${input.by}`;
    const attempt = plan.attempt + 1;
    const schedule = [
      ...kept.map(({ number, dueDate, amount }) => ({ number, dueDate, amount })),
      ...input.instalments.map((instalment, index) => ({ number: kept.length + index + 1, ...instalment })),
    ];
    // A change starts afresh: a plan held after failed restores runs again.
    const { attention: _attention, ...fresh } = plan;
    const amended: PlanRecord = revised(
      fresh,
      {
        restores: 0,
        instalments: refillInstalments(schedule, planPaid(plan)),
        attempt,
        execution: planExecutionName(plan.id, attempt),
        amendments: [
          ...(plan.amendments ?? []),
          {
            at,
            by: actor,
            reason: input.reason,
            before: plan.instalments
              .filter((instalment) => instalment.status !== 'paid')
              .map(({ number, dueDate, amount }) => ({ number, dueDate, amount })),
          },
        ],
      },
      now,
    );
    const last = schedule.at(-1);
    const summary = `Payment plan ${formatPaymentReference(plan.reference)} changed by ${input.by}: ${input.instalments.length} instalments from ${input.instalments[0]?.dueDate} to ${last?.dueDate}; reason: ${input.reason}`;
    const details = { planId: plan.id, reason: input.reason, execution: amended.execution };
    const writes: StoreWrite[] = [
      { kind: 'putPlan', plan: amended, expectedVersion: plan.version },
      ...[{ debtorId: plan.debtorId }, ...plan.parts.map((p) => ({ invoiceId: p.invoiceId }))].map(
        (subject): StoreWrite => ({
          kind: 'appendEvent',
          subject,
          event: { at, type: 'payment_plan_amended', actor, summary, details },
        }),
      ),
    ];
    await deps.store.commit(writes);
    return { before: plan, after: amended };
  });
  await deps.plans.stop(before.execution, 'payment plan changed by a manager');
  await startPlanExecution(deps.plans, after);
  const due = nextUnpaidInstalment(after);
  await sendPlanEmail(deps, after, {
    kind: 'amended',
    key: `${after.id}#amended#${after.attempt}`,
    ...(due ? { due } : {}),
    reason: input.reason,
    actor: `user:${input.by}`,
  });
  return planView(after);
}
