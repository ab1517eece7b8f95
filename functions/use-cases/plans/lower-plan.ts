import { formatMoney } from '../../core/money';
import { nextUnpaidInstalment } from '../../core/plans/payment-plan';
import { lowerPlan } from '../../core/plans/plan-lowering';
import type { CreditStore, InvoiceRecord, PlanRecord, StoreWrite } from '../../ports/credit-store';
import { logger } from '../../shared/observability';
import { revised } from '../record-versions';
import type { PlanDeps } from './plan-deps';
import { sendPlanEmail } from './plan-email';
import { formatPaymentReference } from './plan-reference';

/** What lowered a plan: a credit note (its id), or credit on the account set off. */
export interface PlanCreditSource {
  /** Names the confirmation among the plan's emails: the same source confirms once. */
  key: string;
  /** In the timeline's words, e.g. `credit note CN-7`. */
  label: string;
  /** 'invoicing-system' for a credit note; the set-off's caller otherwise. */
  actor: string;
}

/** A plan lowered by a credit: the debtor gets the new schedule (see confirmPlanLowered). */
export interface LoweredPlan {
  planId: string;
  emailKey: string;
  lowered: number;
  completed: boolean;
  /** The execution a completed plan no longer needs. */
  execution: string;
}

/** The active plan that paused this invoice's dunning, if any. */
async function activePlanOf(store: CreditStore, invoice: InvoiceRecord): Promise<PlanRecord | undefined> {
  const dunning = invoice.dunning;
  if (dunning?.pausedFor !== 'payment_plan' || !dunning.pauseRef) return undefined;
  const plan = await store.getPlan(dunning.pauseRef);
  return plan?.status === 'active' && plan.currency === invoice.currency ? plan : undefined;
}

/**
 * The writes that lower the active plans of credited invoices by what each credit took off its
 * invoice (`lowerPlan`), for the transaction that books the credit: the plan by its version, and
 * on the debtor's timeline and each of the plan's invoices what changed. A plan left with
 * nothing to pay is completed in the same write.
 */
export async function lowerPlansOfCredited(
  store: CreditStore,
  credits: readonly { invoice: InvoiceRecord; amount: number }[],
  source: PlanCreditSource,
  at: Date,
): Promise<{ writes: StoreWrite[]; lowered: LoweredPlan[] }> {
  const plans = new Map<string, { before: PlanRecord; after: PlanRecord; lowered: number }>();
  for (const { invoice, amount } of credits) {
    if (amount <= 0) continue;
    const known = plans.get(invoice.dunning?.pauseRef ?? '');
    const plan = known?.after ?? (await activePlanOf(store, invoice));
    if (!plan || plan.status !== 'active') continue;
    const result = lowerPlan(plan, invoice.id, amount);
    if (result.lowered === 0) continue;
    const after: PlanRecord = {
      ...plan,
      parts: result.parts,
      instalments: result.instalments,
      ...(result.completed ? { status: 'completed' as const, endedAt: at.toISOString() } : {}),
    };
    plans.set(plan.id, {
      before: known?.before ?? plan,
      after,
      lowered: (known?.lowered ?? 0) + result.lowered,
    });
  }

  const writes: StoreWrite[] = [];
  const lowered: LoweredPlan[] = [];
  for (const { before, after, lowered: amount } of plans.values()) {
    const money = formatMoney({ amount, currency: before.currency }, 'en');
    const reference = formatPaymentReference(before.reference);
    const completed = after.status === 'completed';
    const rest = after.instalments.filter((i) => i.paidAmount < i.amount).length;
    const summary = completed
      ? `Payment plan ${reference} lowered by ${money} after ${source.label}: nothing is left to pay, so it is completed`
      : `Payment plan ${reference} lowered by ${money} after ${source.label}: the last instalments are reduced, ${rest} left to pay`;
    const details = { planId: before.id, lowered: amount, source: source.key };
    writes.push({
      kind: 'putPlan',
      plan: revised(after, {}, at),
      expectedVersion: before.version,
    });
    for (const subject of [
      { debtorId: before.debtorId },
      ...before.parts.map((p) => ({ invoiceId: p.invoiceId })),
    ]) {
      writes.push({
        kind: 'appendEvent',
        subject,
        event: {
          at: at.toISOString(),
          type: completed ? 'payment_plan_completed' : 'payment_plan_lowered',
          actor: source.actor,
          summary,
          details,
        },
      });
    }
    lowered.push({
      planId: before.id,
      emailKey: `${before.id}#lowered#${source.key}`,
      lowered: amount,
      completed,
      execution: before.execution,
    });
  }
  return { writes, lowered };
}

/**
 * Tells the debtor what a credit did to the plan: by how much it is lowered, and the new
 * schedule with what to pay next (or that nothing is left). Sent once per plan and credit. The
 * plan is lowered already: without a mailer (the daily sweep), or when the email fails (logged),
 * the debtor's next reminder shows the new schedule, and the credit's delivery does not fail.
 */
export async function confirmPlanLowered(
  deps: Pick<PlanDeps, 'store' | 'clock'> & Partial<Pick<PlanDeps, 'mailer' | 'creditor'>>,
  lowered: LoweredPlan,
  actor: string,
): Promise<void> {
  const { mailer, creditor } = deps;
  if (!mailer || !creditor) return;
  const plan = await deps.store.getPlan(lowered.planId);
  if (!plan) return;
  const due = plan.status === 'active' ? nextUnpaidInstalment(plan) : undefined;
  await sendPlanEmail({ store: deps.store, clock: deps.clock, mailer, creditor }, plan, {
    kind: 'lowered',
    key: lowered.emailKey,
    ...(due ? { due } : {}),
    lowered: lowered.lowered,
    actor,
  }).catch((error: unknown) => {
    logger.error('The confirmation of a lowered payment plan was not sent', {
      planId: lowered.planId,
      error: error instanceof Error ? error.message : String(error),
    });
  });
}
