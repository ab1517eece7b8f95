import type { CreditReader } from '../../ports/credit-store';
import { notFound } from '../refusal';
import { type PlanView, planView } from './plan-view';

/** GET /debtors/{id}/payment-plans: every plan of the debtor, the newest first. */
export async function plansOfDebtor(store: CreditReader, debtorId: string): Promise<{ plans: PlanView[] }> {
  if (!(await store.getDebtor(debtorId)))
    throw notFound(`Debtor ${debtorId} does not exist.`, 'debtor_not_found');
  const plans = await store.listPlansOfDebtor(debtorId);
  return { plans: plans.reverse().map(planView) };
}

/** GET /payment-plans/{id}. */
export async function paymentPlan(store: CreditReader, planId: string): Promise<PlanView> {
  const plan = await store.getPlan(planId);
  if (!plan) throw notFound(`Payment plan ${planId} does not exist.`, 'plan_not_found');
  return planView(plan);
}
