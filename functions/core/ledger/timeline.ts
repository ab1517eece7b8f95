/**
 * One entry of an invoice's (or debtor's) timeline: what happened, when, by whom, with what
 * result. Entries are only ever appended; together they are the evidence a claim rests on
 * (which letter went where and when: Hoge Raad ECLI:NL:HR:2016:2704).
 */
export type TimelineEventType =
  | 'invoice_received'
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
  /** SES confirmed delivery: for an email, the day the letter counts as received (art. 3:37 lid 3 BW). */
  | 'email_delivered'
  | 'email_bounced'
  | 'step_skipped'
  | 'task_created'
  | 'task_closed'
  | 'account_manager_notified'
  | 'credit_hold_set'
  | 'handed_over_to_agency'
  | 'dunning_paused'
  | 'promise_taken'
  | 'promise_kept'
  | 'promise_broken'
  | 'promise_cancelled'
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
  /** An event that waited for its invoice or debtor could not be applied once they arrived. */
  | 'event_refused'
  /** A controller's note on the debtor's file. */
  | 'note_added'
  /** The account was assigned to a controller, handed over, or left unowned. */
  | 'owner_changed'
  /** A task was put off to a later day. */
  | 'task_snoozed';

export interface TimelineEvent {
  /** ISO timestamp from the clock port. */
  at: string;
  type: TimelineEventType;
  /** 'invoicing-system', 'workflow', 'sweep' or 'user:<sub>'. */
  actor: string;
  summary: string;
  details?: Record<string, unknown>;
}
