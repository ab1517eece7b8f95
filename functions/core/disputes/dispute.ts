import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date';

/**
 * Why a debtor disputes an invoice. A fixed list for now: the API accepts exactly these, and the
 * `disputes` topic carries the cause as a message attribute, so that whoever owns disputes of a
 * cause subscribes with a filter on it.
 */
export const DISPUTE_CAUSES = [
  'price',
  'quantity',
  'quality',
  'not_delivered',
  'not_ordered',
  'duplicate_invoice',
  'wrong_debtor',
  'other',
] as const;

export type DisputeCause = (typeof DISPUTE_CAUSES)[number];

/** How a dispute is resolved: credited, a credit note follows; rejected or withdrawn, the invoice stands. */
export const DISPUTE_OUTCOMES = ['credited', 'rejected', 'withdrawn'] as const;

export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/**
 * open: raised, not yet resolved. awaiting_credit_note: resolved as credited, the dunning stays
 * paused until the invoicing system sends the credit note. rejected, withdrawn, credited: closed.
 * settled: the invoice was paid or cancelled while the dispute was open.
 */
export type DisputeStatus = 'open' | 'awaiting_credit_note' | DisputeOutcome | 'settled';

/** A debtor's objection to an invoice. While it is open (or awaits its credit note) the dunning is paused. */
export interface Dispute {
  id: string;
  invoiceId: string;
  debtorId: string;
  cause: DisputeCause;
  /** What is disputed, in cents of the invoice's currency; the open amount when not given. */
  amount: number;
  currency: string;
  note: string;
  /** References to its documents (a delivery note, a photo) as URLs or keys, not the files. */
  documents: string[];
  status: DisputeStatus;
  /** Who raised it: 'user:<sub>'. */
  raisedBy: string;
  raisedAt: string;
  /** The day it was raised, in the policy's time zone. */
  raisedOn: CalendarDate;
  /** The day by which it should be resolved (raised + disputeSlaDays); still open then, a manager's task. */
  respondBy: CalendarDate;
  /** The call task whose outcome it was, if any. */
  taskId?: string;
  resolution?: {
    outcome: DisputeOutcome;
    note: string;
    /** With outcome credited: the credit expected, in cents. */
    creditAmount?: number;
    by: string;
    at: string;
  };
  /** The credit note that ended it, if one did. */
  creditNoteId?: string;
  closedAt?: string;
}

export interface DisputeIssue {
  path: string;
  message: string;
}

/** What is wrong with a dispute as asked: an amount that is not a positive part of what is open. */
export function disputeIssues(input: { amount?: number; openAmount: number }): DisputeIssue[] {
  if (input.amount === undefined) return [];
  if (input.amount <= 0) return [{ path: 'amount', message: 'amount must be positive' }];
  if (input.amount > input.openAmount) {
    return [
      { path: 'amount', message: `amount must be at most the open amount (${input.openAmount} cents)` },
    ];
  }
  return [];
}

/** What is wrong with a resolution as asked: a credit amount without a credit, or beyond the invoice's open amount. */
export function resolutionIssues(input: {
  outcome: DisputeOutcome;
  creditAmount?: number;
  openAmount: number;
}): DisputeIssue[] {
  if (input.creditAmount === undefined) return [];
  if (input.outcome !== 'credited') {
    return [{ path: 'creditAmount', message: 'creditAmount goes only with outcome credited' }];
  }
  if (input.creditAmount <= 0) return [{ path: 'creditAmount', message: 'creditAmount must be positive' }];
  if (input.creditAmount > input.openAmount) {
    return [
      {
        path: 'creditAmount',
        message: `creditAmount must be at most the open amount (${input.openAmount} cents)`,
      },
    ];
  }
  return [];
}

/** The day a dispute raised today should be resolved by. */
export function respondByDay(raisedOn: CalendarDate, slaDays: number): CalendarDate {
  return addDays(raisedOn, slaDays);
}

/** Whether a dispute is still waiting for an answer (not for its credit note, not closed). */
export function isOpenDispute(dispute: Pick<Dispute, 'status'>): boolean {
  return dispute.status === 'open';
}

/** Open on or past its respond-by day: a manager must see to it. */
export function isOverdueDispute(
  dispute: Pick<Dispute, 'status' | 'respondBy'>,
  today: CalendarDate,
): boolean {
  return isOpenDispute(dispute) && dispute.respondBy <= today;
}

/** Whole days since the dispute was raised. */
export function disputeAgeDays(dispute: Pick<Dispute, 'raisedOn'>, today: CalendarDate): number {
  return Math.max(0, daysBetween(dispute.raisedOn, today));
}
