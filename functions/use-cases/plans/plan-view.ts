import { type PaymentPlan, planPaid, planTotal } from '../../core/plans/payment-plan';
import { formatPaymentReference } from './plan-reference';

/** A payment plan as the API shows it. */
export interface PlanView {
  id: string;
  debtorId: string;
  status: PaymentPlan['status'];
  /** The plan's structured payment reference, electronic form; `printedReference` in groups of four. */
  reference: string;
  printedReference: string;
  currency: string;
  total: number;
  paidAmount: number;
  includesInterestAndCosts: boolean;
  instalments: { number: number; dueDate: string; amount: number; paidAmount: number; status: string }[];
  invoices: {
    invoiceId: string;
    invoiceNumber: string;
    principal: number;
    interest: number;
    costs: number;
    paid: { costs: number; interest: number; principal: number };
  }[];
  createdBy: string;
  createdAt: string;
  managerApproval?: string;
  amendments: { at: string; by: string; reason: string }[];
  endedAt?: string;
  brokenAt?: number;
}

export function planView(plan: PaymentPlan): PlanView {
  return {
    id: plan.id,
    debtorId: plan.debtorId,
    status: plan.status,
    reference: plan.reference,
    printedReference: formatPaymentReference(plan.reference),
    currency: plan.currency,
    total: planTotal(plan),
    paidAmount: planPaid(plan),
    includesInterestAndCosts: plan.includesInterestAndCosts,
    instalments: plan.instalments.map(({ number, dueDate, amount, paidAmount, status }) => ({
      number,
      dueDate,
      amount,
      paidAmount,
      status,
    })),
    invoices: plan.parts.map(({ invoiceId, invoiceNumber, principal, interest, costs, paid }) => ({
      invoiceId,
      invoiceNumber,
      principal,
      interest,
      costs,
      paid,
    })),
    createdBy: plan.createdBy,
    createdAt: plan.createdAt,
    ...(plan.managerApproval ? { managerApproval: plan.managerApproval } : {}),
    amendments: (plan.amendments ?? []).map(({ at, by, reason }) => ({ at, by, reason })),
    ...(plan.endedAt ? { endedAt: plan.endedAt } : {}),
    ...(plan.brokenAt !== undefined ? { brokenAt: plan.brokenAt } : {}),
  };
}
