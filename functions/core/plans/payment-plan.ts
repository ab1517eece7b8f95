import type { CalendarDate } from '../calendar/calendar-date';

/**
 * `suspended`: the debtor was declared bankrupt, admitted to the WSNP or granted a suspension of
 * payments while the plan ran. Individual collection stops (art. 33 and 299 Fw), so no reminder
 * goes out and no instalment is checked; the plan is not broken (nothing falls due at once), and
 * what it leaves open is claimed in the insolvency.
 */
export type PlanStatus = 'active' | 'completed' | 'broken' | 'suspended';

/** open: not (fully) paid yet; paid: covered by payments in order; missed: unpaid after its date and grace. */
export type InstalmentStatus = 'open' | 'paid' | 'missed';

export interface Instalment {
  /** 1, 2, 3…: the order in which payments fill them. */
  number: number;
  dueDate: CalendarDate;
  /** Cents in the plan's currency. */
  amount: number;
  paidAmount: number;
  status: InstalmentStatus;
}

/** What the plan owes on one of its invoices, and what its payments have paid of it (cents). */
export interface PlanInvoicePart {
  invoiceId: string;
  invoiceNumber: string;
  dueDate: CalendarDate;
  issueDate: CalendarDate;
  /** The open amount of the invoice on the plan's first day. */
  principal: number;
  /** Statutory interest and collection costs due on the plan's first day; 0 unless the policy puts them in the plan. */
  interest: number;
  costs: number;
  paid: { costs: number; interest: number; principal: number };
}

/** A change a manager made to an active plan: why, and the instalments it replaced. */
export interface PlanAmendment {
  at: string;
  /** 'user:<sub>'. */
  by: string;
  reason: string;
  before: Pick<Instalment, 'number' | 'dueDate' | 'amount'>[];
}

/**
 * A debtor who wants to pay but cannot pay at once pays its invoices in instalments. While it is
 * active the dunning of its invoices is paused (`pausedFor: payment_plan`); every payment with
 * its reference, on the debtor or on one of its invoices fills the instalments in order and is
 * booked against the invoices, oldest first. The last instalment paid completes it; an
 * instalment unpaid after its date and grace breaks it.
 */
export interface PaymentPlan {
  id: string;
  debtorId: string;
  currency: string;
  status: PlanStatus;
  /** The plan's own structured payment reference (RF or betalingskenmerk, electronic form). */
  reference: string;
  /** Oldest invoice first: the order in which payments are booked against them. */
  parts: PlanInvoicePart[];
  instalments: Instalment[];
  /** Whether interest and costs due on its first day are part of the plan (policy data). */
  includesInterestAndCosts: boolean;
  /** Days after an instalment's date in which a payment still counts as on time (policy data). */
  graceDays: number;
  /** Days before an instalment's date on which the debtor is reminded (policy data). */
  reminderDaysBefore: number;
  /** The dunning policy whose rules the plan follows, and its time zone and send time (reminders, checks). */
  policyId: string;
  timeZone: string;
  sendAt: string;
  createdBy: string;
  createdAt: string;
  /** The current execution of statemachines/payment-plan.asl.json, and its attempt. */
  execution: string;
  attempt: number;
  /** The set-up-payment-plan task (call outcome plan_requested) this plan answered, if any. */
  requestTaskId?: string;
  /** Set when a manager agreed to what a controller may not (a longer term, a debtor who broke a plan). */
  managerApproval?: string;
  amendments?: PlanAmendment[];
  /** When it was completed or broken. */
  endedAt?: string;
  /** The instalment whose miss broke it. */
  brokenAt?: number;
  /** When BreakPlan had done all a break does (debtor told, task put, dunning resumed). */
  breakDoneAt?: string;
  /** Executions restored by the daily sweep after one failed; a manager's change starts afresh. */
  restores?: number;
  /** Set when its execution kept failing after the restore limit: a controller's task, no more restores. */
  attention?: { at: string; taskId: string };
}

export function planTotal(plan: Pick<PaymentPlan, 'parts'>): number {
  return plan.parts.reduce((sum, part) => sum + part.principal + part.interest + part.costs, 0);
}

export function planPaid(plan: Pick<PaymentPlan, 'instalments'>): number {
  return plan.instalments.reduce((sum, instalment) => sum + instalment.paidAmount, 0);
}

/** The first instalment not paid in full; undefined when every one is. */
export function nextUnpaidInstalment(plan: Pick<PaymentPlan, 'instalments'>): Instalment | undefined {
  return plan.instalments.find((instalment) => instalment.paidAmount < instalment.amount);
}

/** A plan broken on or after `since` (ISO timestamp). */
export function brokenSince(plan: Pick<PaymentPlan, 'status' | 'endedAt'>, since: string): boolean {
  return plan.status === 'broken' && (plan.endedAt ?? '') >= since;
}

/**
 * Whether the plan's execution still has work to do, so that the daily sweep restores it when
 * it failed or was lost: while the plan is active, and after a break until BreakPlan has done
 * everything. A plan held for a controller waits for a manager's change instead.
 */
export function isPlanUnderWay(plan: Pick<PaymentPlan, 'status' | 'breakDoneAt' | 'attention'>): boolean {
  if (plan.attention) return false;
  return plan.status === 'active' || (plan.status === 'broken' && plan.breakDoneAt === undefined);
}

/** Step Functions allows execution names of at most 80 characters; a plan id is `plan-<uuid>`. */
export function planExecutionName(planId: string, attempt: number): string {
  return `${planId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 70)}--${attempt}`;
}
