/**
 * One entry of an invoice's (or debtor's) timeline: what happened, when, by whom, with what
 * result. Entries are only ever appended; together they are the evidence a claim rests on
 * (which letter went where and when: Hoge Raad ECLI:NL:HR:2016:2704).
 */
export type TimelineEventType =
  | 'invoice_received'
  /** The payment behaviour moved the debtor to another segment (good payer, chronic late, back). */
  | 'segment_changed'
  /** A new good payer was announced on `customer-rewards` (and thanked, where its policy says so). */
  | 'good_payer_announced'
  | 'invoice_updated'
  | 'invoice_cancelled'
  | 'credit_note_received'
  | 'payment_received'
  | 'invoice_paid'
  /** Money put on the debtor's account: an overpayment, or what an invoice held beyond what it is owed. */
  | 'overpayment_credited'
  /** Credit on the debtor's account paid on an invoice (on the timelines of both). */
  | 'credit_set_off'
  /** A payment that matched nothing for a while became unapplied cash, or was assigned by hand. */
  | 'payment_unapplied'
  | 'payment_assigned'
  | 'dunning_started'
  | 'dunning_restored'
  | 'dunning_stopped'
  /** The last step ran and the policy hands nothing over: the invoice stays overdue. */
  | 'dunning_completed'
  /** A step kept failing after several restores: a controller must look before a restart. */
  | 'dunning_needs_attention'
  | 'email_sent'
  /** A text (sms step) went to the debtor's mobile number: what it said, in how many parts. */
  | 'text_sent'
  /** The friendly email a few days before the due date (a policy's preDueNotice). */
  | 'pre_due_notice_sent'
  /** The debtor asked for no more texts, or for texts again (on the debtor's timeline). */
  | 'sms_opt_out_changed'
  /** SES confirmed delivery: for an email, the day the letter counts as received (art. 3:37 lid 3 BW). */
  | 'email_delivered'
  | 'email_bounced'
  /** The debtor answered a letter by email (or an automatic reply came back): kept with the letter it answers. */
  | 'reply_received'
  /** A dunning letter went to the print-and-mail service, to be printed and posted (registered or not). */
  | 'letter_posted'
  /** The delivery of a registered letter was confirmed: the day it counts as received. */
  | 'letter_delivered'
  | 'step_skipped'
  | 'task_created'
  | 'task_closed'
  | 'account_manager_notified'
  | 'credit_hold_set'
  /** The credit hold was lifted: by a manager, or because nothing is long overdue any more. */
  | 'credit_hold_lifted'
  /** A credit check of an order: the decision and its reasons. */
  | 'credit_checked'
  /** What a credit bureau said about the debtor. */
  | 'credit_report_recorded'
  /** A controller heard of financial trouble, a change of ownership or the like; the account manager was told. */
  | 'signal_recorded'
  /** The call step's window ended without an outcome recorded: the call counts as not made. */
  | 'call_window_ended'
  | 'handed_over_to_agency'
  | 'dunning_paused'
  | 'promise_taken'
  | 'promise_kept'
  | 'promise_broken'
  | 'promise_cancelled'
  /** The debtor moved their own promise to another date on the self-service page (once). */
  | 'promise_moved'
  /** A request of the debtor on the self-service page: a call back, a plan, a plan accepted. */
  | 'debtor_request'
  | 'dispute_raised'
  | 'dispute_resolved'
  | 'dispute_closed'
  | 'hold_placed'
  | 'hold_ended'
  /** A payment plan: agreed (its invoices' dunning paused), changed by a manager, completed or broken. */
  | 'payment_plan_agreed'
  | 'payment_plan_amended'
  | 'payment_plan_completed'
  | 'payment_plan_broken'
  /** An insolvency of the debtor suspended the plan: no more reminders or checks. */
  | 'payment_plan_suspended'
  /** A credit note, or credit on the account, lowered the plan: its last instalments shrank. */
  | 'payment_plan_lowered'
  /** The plan's execution failed or was lost, and the daily sweep started it again where it stood. */
  | 'payment_plan_restored'
  /** The plan's execution kept failing after several restores: a controller must look. */
  | 'payment_plan_needs_attention'
  /** An event that waited for its invoice or debtor could not be applied once they arrived. */
  | 'event_refused'
  /** A controller's note on the debtor's file. */
  | 'note_added'
  /** The account was assigned to a controller, handed over, or left unowned. */
  | 'owner_changed'
  /** A task was put off to a later day. */
  | 'task_snoozed'
  /** The debtor left the normal cycle for special management, or returned to it. */
  | 'special_management_started'
  | 'special_management_ended'
  /** A task moved to another team's list (the special team's). */
  | 'task_moved'
  /** An insolvency recorded, a payout of the trustee booked, the insolvency closed. */
  | 'insolvency_opened'
  | 'insolvency_distribution'
  | 'insolvency_closed'
  /** Evidence of the debtor's financial position for the special team, with its attachments. */
  | 'financial_position_noted'
  /** The open amount, or part of it, is no longer claimed. */
  | 'written_off'
  /** The collection agency reported on the claim; we took it back; we told it of a payment to us. */
  | 'agency_event'
  | 'agency_recalled'
  | 'agency_told_of_payment';

export interface TimelineEvent {
  /** ISO timestamp from the clock port. */
  at: string;
  type: TimelineEventType;
  /** 'invoicing-system', 'workflow', 'sweep' or 'user:<sub>'. */
  actor: string;
  /** The person who acted, as their token named them at the time (entries an API request wrote). */
  actorName?: string;
  actorEmail?: string;
  summary: string;
  details?: Record<string, unknown>;
}
