import { nextWorkingDay } from '../calendar/working-days';
import { type CalendarDate, daysBetween } from '../calendar/calendar-date';
import type { DunningSlot } from '../dunning/dunning-slot';
import { type Invoice, openMoney } from '../ledger/invoice';
import { taskPriority } from './task-priority';

export type TaskKind =
  /** The call step of the dunning: the workflow waits for its outcome. */
  | 'call'
  /** A letter could not be delivered (bounce, no email address): a controller must reach the debtor. */
  | 'unreachable_by_email'
  /** A dunning step kept failing after several restores: fix the cause, then restart the dunning. */
  | 'dunning_needs_attention'
  /** A claim lapses soon (limitation period): send an interruption letter (stuitingsbrief). */
  | 'limitation_warning'
  /**
   * A 14-day letter was received too late for the last day to pay it printed: it gives less than
   * 14 days, carries no costs, and a new one must be sent.
   */
  | 'resend_fourteen_day_letter'
  /** A promise to pay was broken: follow it up with the debtor at once. */
  | 'broken_promise'
  /** Money arrived that matched no invoice or debtor for a while: a controller assigns it by hand. */
  | 'unapplied_payment'
  /** An event of the invoicing system that waited for its debtor or invoice was refused once they came. */
  | 'refused_event'
  /** A dispute still open past its respond-by day: a manager sees that it is resolved. */
  | 'overdue_dispute'
  /** The debtor asked for a payment plan on the call: a controller sets one up within the pause. */
  | 'set_up_payment_plan'
  /** An instalment of a payment plan was missed: the plan is broken and the dunning resumed at the final notice. */
  | 'broken_payment_plan'
  /** A payment plan's execution kept failing after several restores: fix the cause; a manager's change restarts it. */
  | 'payment_plan_needs_attention'
  /** The debtor is in financial trouble: a manager considers special management. */
  | 'consider_special_management'
  /** The debtor's credit report is due for a refresh (its risk class sets how often). */
  | 'refresh_credit_report'
  /** An insolvency: the special team files the claim with the trustee or administrator before the deadline. */
  | 'file_insolvency_claim'
  /** The hand-over to the agency found no delivered letter on file: a controller decides, nothing went. */
  | 'agency_hand_over_held'
  /** The agency closed a claim as uncollectable: the special team considers writing it off. */
  | 'consider_write_off'
  /** The debtor asked on the self-service page to be called back, at a time they prefer. */
  | 'call_back_requested'
  /** The debtor answered a letter by email: read the reply and act on it (its dunning is held meanwhile). */
  | 'debtor_replied'
  /** An email reached the reply address without a token of a letter we sent: find whose it is. */
  | 'unmatched_reply'
  /** An sms step found no mobile number: a controller reaches the debtor another way (or adds one). */
  | 'unreachable_by_sms';

/**
 * What a controller may record of a call: the API accepts exactly these, and the call brief
 * lists exactly these. `promised` records a promise to pay and `disputed` a dispute; both pause
 * the dunning. `plan_requested` pauses it for a week while a plan is set up; `financial_trouble`
 * tells the account manager and lets the dunning go on.
 */
export const CALL_OUTCOMES = [
  'no_answer',
  'reached',
  'wrong_contact',
  'promised',
  'disputed',
  'plan_requested',
  'financial_trouble',
] as const;

export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The lists a task can be on besides a controller's. */
export type TaskList = 'manager' | 'special';

/** Kinds that go before others of the same amount and age: a broken promise is the most urgent. */
const URGENCY: Partial<Record<TaskKind, number>> = { broken_promise: 50 };

/** A piece of work for a credit controller, on the prioritised daily list. */
export interface CollectionTask {
  id: string;
  kind: TaskKind;
  status: 'open' | 'closed';
  /** The invoice and debtor the task is about; an unapplied payment belongs to neither yet. */
  invoiceId?: string;
  debtorId?: string;
  /** The payment an unapplied-payment task is about. */
  paymentId?: string;
  /** Calendar date the task should be done by. */
  dueDate: string;
  /** Higher is more urgent: amount, days overdue, broken promises. */
  priority: number;
  summary: string;
  /**
   * What a person needs to do the task, in the business language: for a call, whom to call on
   * which number, about what amount, what was done so far and in which tone.
   */
  brief?: string;
  /** The workflow step this task belongs to, if any. */
  slot?: DunningSlot;
  /** Step Functions task token the outcome is sent to (call tasks only). Never shown in the API. */
  taskToken?: string;
  execution?: string;
  assignee?: string;
  /** On whose list the task belongs when not a controller's: a manager's, or the special team's. */
  forRole?: TaskList;
  /** The list the task was on before it moved to the special team's (absent: a controller's). */
  movedFrom?: 'manager';
  outcome?: {
    result: CallOutcome | 'email_added' | 'letter_posted' | 'done';
    note?: string;
    by: string;
    at: string;
  };
  /** How often a call step's window ended with this call task still open (it then counts as a failed contact). */
  missedCallWindows?: number;
  /** Put off to a later day by a controller: off the list until `until` (then its due date). */
  snoozed?: { until: string; reason: string; by: string; at: string };
  /** Closed without an outcome because what it was about ended: the invoice paid, cancelled or handed over. */
  closedBecause?: {
    reason: 'invoice_paid' | 'invoice_cancelled' | 'invoice_handed_over' | 'invoice_written_off';
    at: string;
  };
  /** The debtor's owner as of the last write (absent: unowned), as on the invoice (`Invoice.accountOwner`). */
  accountOwner?: string;
}

export interface TaskToOpen {
  id: string;
  kind: TaskKind;
  invoice: Pick<Invoice, 'id' | 'debtorId' | 'dueDate' | 'openAmount' | 'currency' | 'accountOwner'>;
  /** The day the task is raised: it is due that day, and the invoice's arrears are counted to it. */
  today: CalendarDate;
  summary: string;
  brief?: string;
  slot?: DunningSlot;
  taskToken?: string;
  execution?: string;
  forRole?: TaskList;
}

/** A new open task on an invoice, ranked on the daily list by what is open and how long overdue. */
export function openTask(input: TaskToOpen): CollectionTask {
  const { invoice, today } = input;
  return {
    id: input.id,
    kind: input.kind,
    status: 'open',
    invoiceId: invoice.id,
    debtorId: invoice.debtorId,
    // A task falls on a working day: one opened on a weekend or holiday is due the next working day.
    dueDate: nextWorkingDay(today),
    priority:
      taskPriority(openMoney(invoice), daysBetween(invoice.dueDate, today)) + (URGENCY[input.kind] ?? 0),
    summary: input.summary,
    ...(input.brief ? { brief: input.brief } : {}),
    ...(input.slot ? { slot: input.slot } : {}),
    ...(input.taskToken ? { taskToken: input.taskToken } : {}),
    ...(input.execution ? { execution: input.execution } : {}),
    ...(input.forRole ? { forRole: input.forRole } : {}),
    // The task goes on the list of whoever owns the invoice's debtor.
    ...(invoice.accountOwner ? { accountOwner: invoice.accountOwner } : {}),
  };
}
