import { type CalendarDate, daysBetween } from '../calendar/calendar-date';
import type { DunningPolicy } from '../dunning/dunning-policy';
import { type Invoice, isReceivable } from '../ledger/invoice';

/**
 * A credit hold: no new orders on credit. The account-manager step sets it (when the policy says
 * so) for the invoice it escalates; a manager sets or lifts it by hand. It says since when, why,
 * for which invoices and who set it, so that the order system and a controller see the reason.
 */
export interface CreditHold {
  since: string;
  reason: string;
  /** The invoices whose escalation set or kept the hold; empty for a hold set by hand. */
  invoiceIds: string[];
  /** 'workflow' for the account-manager step, 'user:<sub>' for a manager. */
  setBy: string;
}

/** Policy versions that say nothing about credit holds read with these values. */
const DEFAULT_HOLD_AT_ACCOUNT_MANAGER = true;
const DEFAULT_HOLD_THRESHOLD_DAYS = 14;

/** What a dunning policy says about credit holds, with the defaults where it says nothing. */
export interface CreditHoldRules {
  /** Whether the account-manager step puts the debtor on credit hold. */
  holdAtAccountManager: boolean;
  /** The hold set by the workflow stays while an invoice is overdue by more than this many days. */
  thresholdDays: number;
}

export function creditHoldRulesOf(policy: DunningPolicy): CreditHoldRules {
  return {
    holdAtAccountManager: policy.creditHoldAtAccountManager ?? DEFAULT_HOLD_AT_ACCOUNT_MANAGER,
    thresholdDays: policy.creditHoldThresholdDays ?? DEFAULT_HOLD_THRESHOLD_DAYS,
  };
}

export interface HoldFacts {
  hold: CreditHold;
  /** Every invoice of the debtor (any status). */
  invoices: readonly Pick<Invoice, 'id' | 'status' | 'dueDate'>[];
  /** Payment plans of the debtor that broke while some of their invoices are still open. */
  brokenPlansWithOpenInvoices: number;
  thresholdDays: number;
  today: CalendarDate;
}

/**
 * Why a hold the workflow set still stands, or undefined when it may be lifted: it stands while
 * one of the invoices it was set for is still open, while any invoice is overdue by more than the
 * policy's threshold, and while a broken payment plan still has open invoices. A hold a manager
 * set stands until a manager lifts it.
 */
export function whyHoldStands(facts: HoldFacts): string | undefined {
  const { hold, invoices, today, thresholdDays } = facts;
  if (hold.setBy !== 'workflow') return 'set by hand: a manager lifts it';
  const collecting = invoices.filter(isReceivable);
  const escalated = collecting.find((invoice) => hold.invoiceIds.includes(invoice.id));
  if (escalated) return `invoice ${escalated.id}, escalated to the account manager, is still open`;
  const longOverdue = collecting.find((invoice) => daysBetween(invoice.dueDate, today) > thresholdDays);
  if (longOverdue) {
    return `invoice ${longOverdue.id} is overdue by more than ${thresholdDays} days`;
  }
  if (facts.brokenPlansWithOpenInvoices > 0) return 'a broken payment plan still has open invoices';
  return undefined;
}
