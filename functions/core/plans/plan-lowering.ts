import { type Instalment, nextUnpaidInstalment, type PaymentPlan } from './payment-plan';

/**
 * A credit note, or credit on the account set off against an invoice of the plan, lowers what
 * the plan is owed by what it took off that invoice's principal (never more than the plan still
 * owes on it). The instalments not yet paid shrink from the last one backwards, so the dates the
 * debtor agreed stay and the end comes sooner; an instalment left with nothing to pay drops out.
 * When nothing is left unpaid, the plan is completed.
 */
export function lowerPlan(
  plan: Pick<PaymentPlan, 'parts' | 'instalments'>,
  invoiceId: string,
  amount: number,
): { parts: PaymentPlan['parts']; instalments: Instalment[]; lowered: number; completed: boolean } {
  const part = plan.parts.find((p) => p.invoiceId === invoiceId);
  const owed = part ? part.principal - part.paid.principal : 0;
  const lowered = Math.max(0, Math.min(amount, owed));
  if (lowered === 0)
    return { parts: plan.parts, instalments: plan.instalments, lowered: 0, completed: false };
  const parts = plan.parts.map((p) =>
    p.invoiceId === invoiceId ? { ...p, principal: p.principal - lowered } : p,
  );
  return { parts, ...shrinkFromTheLast(plan.instalments, lowered), lowered };
}

/** Takes `amount` off the unpaid part of the instalments, the last one first. */
export function shrinkFromTheLast(
  instalments: readonly Instalment[],
  amount: number,
): { instalments: Instalment[]; completed: boolean } {
  let remaining = amount;
  const shrunk = [...instalments]
    .reverse()
    .map((instalment) => {
      const unpaid = Math.max(0, instalment.amount - instalment.paidAmount);
      const cut = Math.min(unpaid, remaining);
      remaining -= cut;
      const left = instalment.amount - cut;
      return {
        ...instalment,
        amount: left,
        status: left <= instalment.paidAmount ? ('paid' as const) : instalment.status,
      };
    })
    .reverse()
    // Nothing to pay and nothing paid: no instalment any more. Only the last ones can be so.
    .filter((instalment) => instalment.amount > 0 || instalment.paidAmount > 0);
  return { instalments: shrunk, completed: nextUnpaidInstalment({ instalments: shrunk }) === undefined };
}
