import { formatMoney } from '../../core/money';
import { nextUnpaidInstalment, planPaid, planTotal } from '../../core/plans/payment-plan';
import { type InstalmentTimes, instalmentTimes } from '../../core/plans/plan-schedule';
import type { StoreWrite } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import { currentPlan } from './instalment-reminder';
import type { PlanDeps } from './plan-deps';
import { formatPaymentReference } from './plan-reference';
import type { PlanStepPayload } from './plan-step-payload';
import { adverseFactWrites } from '../score/reassess-debtor';

/**
 * What the check decided, and with it the next input of the execution: `paid` goes on to the
 * next instalment's Waits; `broken` to BreakPlan; `completed` and `ended` (the plan ended, or a
 * manager's change replaced this execution) end it.
 */
export interface InstalmentCheck {
  planId: string;
  execution: string;
  verdict: 'paid' | 'broken' | 'completed' | 'ended';
  instalment?: InstalmentTimes;
}

/**
 * CheckInstalment, the day after an instalment's date plus the grace: paid (the payments filled
 * it) goes on to the next unpaid instalment; unpaid breaks the plan, in one write with its
 * timeline entries: the consequences (email, task, the dunning resumed) are BreakPlan's.
 */
export async function checkInstalment(
  deps: Pick<PlanDeps, 'store' | 'clock'>,
  payload: PlanStepPayload,
): Promise<InstalmentCheck> {
  return retryOnConflict(async () => {
    const base = { planId: payload.planId, execution: payload.execution };
    const plan = await deps.store.getPlan(payload.planId);
    if (plan?.status === 'completed' && plan.execution === payload.execution)
      return { ...base, verdict: 'completed' };
    // Broken by this execution before (a retried check), or restored to finish an unfinished break.
    if (plan?.status === 'broken' && plan.execution === payload.execution && !plan.breakDoneAt)
      return { ...base, verdict: 'broken', instalment: payload.instalment };
    const current = currentPlan(plan, payload.execution);
    if (current.status === 'skipped') return { ...base, verdict: 'ended' };
    const active = current.plan;
    const instalment = active.instalments.find((i) => i.number === payload.instalment.number);
    if (!instalment || instalment.paidAmount >= instalment.amount) {
      const next = nextUnpaidInstalment(active);
      if (!next) return { ...base, verdict: 'completed' };
      return { ...base, verdict: 'paid', instalment: instalmentTimes(active, next, active) };
    }

    const now = deps.clock.now();
    const at = now.toISOString();
    const money = (amount: number) => formatMoney({ amount, currency: active.currency }, 'en');
    const broken = revised(
      active,
      {
        status: 'broken',
        brokenAt: instalment.number,
        endedAt: at,
        instalments: active.instalments.map((i) =>
          i.number === instalment.number ? { ...i, status: 'missed' as const } : i,
        ),
      },
      now,
    );
    const summary = `Payment plan ${formatPaymentReference(active.reference)} broken: instalment ${instalment.number} of ${money(instalment.amount)} due ${instalment.dueDate} was not paid (${money(instalment.paidAmount)} received); ${money(planTotal(active) - planPaid(active))} is due at once`;
    const details = { planId: active.id, instalment: instalment.number };
    const writes: StoreWrite[] = [
      { kind: 'putPlan', plan: broken, expectedVersion: active.version },
      ...[{ debtorId: active.debtorId }, ...active.parts.map((p) => ({ invoiceId: p.invoiceId }))].map(
        (subject): StoreWrite => ({
          kind: 'appendEvent',
          subject,
          event: { at, type: 'payment_plan_broken', actor: 'workflow', summary, details },
        }),
      ),
      ...(await adverseFactWrites(deps.store, active.debtorId, 'plan_broken', now)),
    ];
    await deps.store.commit(writes);
    return { ...base, verdict: 'broken', instalment: payload.instalment };
  });
}
