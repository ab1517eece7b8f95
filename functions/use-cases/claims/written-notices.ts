import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { FOURTEEN_DAY_LETTER } from '../../core/dunning/dunning-policy';
import { type DunningSlot, SLOT_KIND } from '../../core/dunning/dunning-slot';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { STATUTORY_TERM_DAYS } from '../../core/legal/fourteen-day-letter';
import type { WrittenNotice } from '../../core/legal/written-notice';
import type { Money } from '../../core/money';

/**
 * The interruption letter's template: named here, where the claim counts it, so that reading a
 * claim does not load the letter's rendering and texts.
 */
export const INTERRUPTION_LETTER = 'interruption-letter';

/**
 * A reminder states its term and date ("binnen 14 dagen na ontvangst, uiterlijk …"), and the
 * claim counts the term the letter gave. Reminders sent before letters named a date asked to pay
 * "as soon as possible": those count as giving 14 days, the term the law itself sets for the
 * 14-day letter, the cautious choice: interest never starts earlier than a court would accept.
 */
const REMINDER_TERM_DAYS = 14;

/** Steps whose letter is a written reminder (ingebrekestelling); the hand-over notice is not one. */
const REMINDING_KINDS: ReadonlySet<string> = new Set(['reminder', 'final_notice']);

/**
 * The written reminders on an invoice's timeline, with the evidence of their receipt: each
 * 'email_sent' of a reminder or final notice, delivered on the day of its 'email_delivered' and
 * returned when it bounced (matched by the SES message id), and each 'letter_posted' likewise,
 * delivered on the day its 'letter_delivered' confirmed. Days are Amsterdam calendar days.
 * The 14-day letter states its costs in the letter's record; a reminder states none. An
 * interruption letter (stuitingsbrief) counts too: it gives no term, but its receipt starts the
 * limitation period again.
 */
export function writtenNotices(timeline: readonly TimelineEvent[]): WrittenNotice[] {
  const dayOfFirst = (type: TimelineEvent['type'], messageId: string) => {
    const event = timeline.find((entry) => entry.type === type && entry.details?.messageId === messageId);
    return event ? localDate(new Date(event.at), BUSINESS_TIME_ZONE) : null;
  };
  const sentAndReceived = (event: TimelineEvent, messageId: string) => ({
    channel: 'email' as const,
    sentOn: localDate(new Date(event.at), BUSINESS_TIME_ZONE),
    deliveredOn: dayOfFirst('email_delivered', messageId),
    returned: dayOfFirst('email_bounced', messageId) !== null,
  });
  // A letter by post: received on the day a registered letter's delivery was confirmed, else
  // (the claim decides) after the policy's postal delivery days.
  const byPost = (event: TimelineEvent, messageId: string) => ({
    channel: 'post' as const,
    sentOn: localDate(new Date(event.at), BUSINESS_TIME_ZONE),
    deliveredOn: confirmedDelivery(timeline, messageId),
  });
  return timeline.flatMap((event): WrittenNotice[] => {
    if (event.type !== 'email_sent' && event.type !== 'letter_posted') return [];
    const messageId = String(event.details?.messageId);
    const sent = () =>
      event.type === 'letter_posted' ? byPost(event, messageId) : sentAndReceived(event, messageId);
    if (event.details?.template === INTERRUPTION_LETTER) {
      return [{ ...sent(), kind: 'interruption-letter', termDays: 0 }];
    }
    const slot = event.details?.slot as DunningSlot | undefined;
    if (!slot || !REMINDING_KINDS.has(SLOT_KIND[slot])) return [];
    const fourteenDayLetter = event.details?.template === FOURTEEN_DAY_LETTER;
    return [
      {
        kind: fourteenDayLetter ? 'fourteen-day-letter' : 'reminder',
        ...sent(),
        termDays: fourteenDayLetter ? STATUTORY_TERM_DAYS : (demandOf(event)?.termDays ?? REMINDER_TERM_DAYS),
        ...(!fourteenDayLetter && demandOf(event)?.payBy ? { payBy: demandOf(event)?.payBy } : {}),
        statedCosts: fourteenDayTermOf(event)?.costs ?? null,
        ...(fourteenDayLetter ? letterOf(event, messageId) : {}),
      },
    ];
  });
}

/** The day a registered letter's delivery was confirmed (POST /letters/{id}/delivery), or null. */
function confirmedDelivery(timeline: readonly TimelineEvent[], messageId: string): CalendarDate | null {
  const confirmed = timeline.find(
    (entry) => entry.type === 'letter_delivered' && entry.details?.messageId === messageId,
  )?.details?.deliveredOn;
  return typeof confirmed === 'string' ? confirmed : null;
}

/** The term and the date the letter itself named (record-letter keeps it as `demand`). */
function demandOf(event: TimelineEvent): { payBy?: CalendarDate; termDays?: number } | undefined {
  return event.details?.demand as { payBy?: CalendarDate; termDays?: number } | undefined;
}

/** The 14-day letter's printed last day to pay, its name and the invoices it lists. */
function letterOf(
  event: TimelineEvent,
  messageId: string,
): Pick<WrittenNotice, 'payBy' | 'letterId' | 'invoiceIds'> {
  const invoiceIds = event.details?.invoiceIds;
  return {
    payBy: fourteenDayTermOf(event)?.endsOn ?? null,
    letterId: messageId,
    ...(Array.isArray(invoiceIds) ? { invoiceIds: invoiceIds.map(String) } : {}),
  };
}

/**
 * What the 14-day letter said (record-letter keeps it as `fourteenDayTerm`): the costs, and the
 * last day to pay it printed.
 */
function fourteenDayTermOf(event: TimelineEvent): { costs?: Money; endsOn?: CalendarDate } | undefined {
  return event.details?.fourteenDayTerm as { costs?: Money; endsOn?: CalendarDate } | undefined;
}
