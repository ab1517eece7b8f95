import type { CalendarDate } from '../calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../calendar/time-zone';
import type { TimelineEvent } from './timeline';
import type { Money } from '../money';
import type { PaymentPromise } from '../promises/promise-to-pay';

/** A letter the debtor was sent, once however many invoices it listed. */
export interface LetterSent {
  day: CalendarDate;
  slot: string;
  subject: string;
  invoiceNumbers: string[];
}

/** The last word of a call: the outcome a controller recorded, or the window that ended without one. */
export interface LastCall {
  day: CalendarDate;
  outcome: string;
  note?: string;
}

export interface PromiseMade {
  promisedDate: CalendarDate;
  amount: Money;
  status: PaymentPromise['status'];
}

export interface DisputeRaised {
  raisedOn: CalendarDate;
  cause: string;
  amount: Money;
  /** 'open' until an answer is on the timeline; then its outcome (rejected, credited, withdrawn). */
  status: string;
  invoiceNumbers: string[];
}

/** What was done to collect from a debtor so far: what a colleague needs before picking up the phone. */
export interface AccountHistory {
  letters: LetterSent[];
  lastCall?: LastCall;
  promises: PromiseMade[];
  disputes: DisputeRaised[];
}

export interface InvoiceTimeline {
  invoice: { id: string; number: string; currency: string };
  events: readonly TimelineEvent[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The debtor's history from its invoices' timelines and its promises, oldest first. A letter
 * listing several invoices is on each of their timelines and counts once (by its message id).
 */
export function accountHistory(
  timelines: readonly InvoiceTimeline[],
  promises: readonly PaymentPromise[],
): AccountHistory {
  const letters = new Map<string, LetterSent & { at: string }>();
  const disputes = new Map<string, DisputeRaised & { at: string; id: string }>();
  const answers = new Map<string, string>();
  let lastCall: (LastCall & { at: string }) | undefined;
  const dayOf = (at: string) => localDate(new Date(at), BUSINESS_TIME_ZONE);

  for (const { invoice, events } of timelines) {
    for (const event of events) {
      const details = event.details ?? {};
      if (event.type === 'email_sent' && text(details.slot)) {
        const key = text(details.messageId) ?? `${event.at}#${text(details.slot)}`;
        const known = letters.get(key);
        if (known) known.invoiceNumbers.push(invoice.number);
        else
          letters.set(key, {
            at: event.at,
            day: dayOf(event.at),
            slot: text(details.slot) ?? '',
            subject: text(details.subject) ?? '',
            invoiceNumbers: [invoice.number],
          });
      }
      const call = callOutcome(event);
      if (call && (!lastCall || lastCall.at < event.at))
        lastCall = { at: event.at, day: dayOf(event.at), ...call };
      const disputeId = text(details.disputeId);
      if (event.type === 'dispute_raised' && disputeId) {
        const known = disputes.get(disputeId);
        if (known) known.invoiceNumbers.push(invoice.number);
        else
          disputes.set(disputeId, {
            id: disputeId,
            at: event.at,
            raisedOn: dayOf(event.at),
            cause: text(details.cause) ?? '',
            amount: {
              amount: typeof details.amount === 'number' ? details.amount : 0,
              currency: invoice.currency,
            },
            status: 'open',
            invoiceNumbers: [invoice.number],
          });
      }
      if (event.type === 'dispute_resolved' && disputeId)
        answers.set(disputeId, text(details.outcome) ?? 'resolved');
    }
  }
  const oldestFirst = <T extends { at: string }>(items: Iterable<T>) =>
    [...items].sort((a, b) => a.at.localeCompare(b.at)).map(({ at: _at, ...item }) => item);
  return {
    letters: oldestFirst(letters.values()),
    ...(lastCall ? { lastCall: oldestFirst([lastCall])[0] } : {}),
    promises: [...promises]
      .sort((a, b) => a.takenAt.localeCompare(b.takenAt))
      .map((promise) => ({
        promisedDate: promise.promisedDate,
        amount: { amount: promise.amount, currency: promise.currency },
        status: promise.status,
      })),
    disputes: oldestFirst(disputes.values()).map(({ id, ...dispute }) => ({
      ...dispute,
      status: answers.get(id) ?? dispute.status,
    })),
  };
}

/** A call task's outcome, or the end of its window without one; undefined for anything else. */
function callOutcome(event: TimelineEvent): Omit<LastCall, 'day'> | undefined {
  const details = event.details ?? {};
  if (event.type === 'call_window_ended') return { outcome: 'no_outcome' };
  if (event.type !== 'task_closed' || !text(details.taskId)?.startsWith('call--')) return undefined;
  const outcome = text(details.outcome);
  if (!outcome) return undefined;
  const note = text(details.note);
  return { outcome, ...(note ? { note } : {}) };
}
