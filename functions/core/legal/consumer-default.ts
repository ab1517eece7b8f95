import { addDays, type CalendarDate, isAfter, isBefore } from '../calendar/calendar-date';
import { noticeReceivedOn, noticeTermLastDay, type WrittenNotice } from './written-notice';

/**
 * When a consumer is in default (verzuim, art. 6:81/6:82 BW), which is when consumer
 * statutory interest starts (art. 6:119 BW): after a written reminder (ingebrekestelling) that
 * gives a term, on the day after that term. A reminder counts only when it was sent after the
 * due date (before that, nothing is owed yet) and its receipt can be shown. The term is the one
 * the creditor gave, so the Algemene termijnenwet (statutory terms only) does not extend it.
 * Of several reminders, the one that puts the debtor in default first counts.
 */
export interface ConsumerDefault {
  readonly notice: WrittenNotice;
  readonly receivedOn: CalendarDate;
  readonly termEndsOn: CalendarDate;
  /** The first day of default: the first day consumer interest runs. */
  readonly inDefaultFrom: CalendarDate;
}

export function consumerDefault(
  dueDate: CalendarDate,
  notices: readonly WrittenNotice[],
  postalDeliveryDays: number,
): ConsumerDefault | null {
  let first: ConsumerDefault | null = null;
  for (const notice of notices) {
    if (notice.kind === 'interruption-letter' || !isAfter(notice.sentOn, dueDate)) continue;
    const receivedOn = noticeReceivedOn(notice, postalDeliveryDays);
    if (!receivedOn) continue;
    const counted = noticeTermLastDay(receivedOn, notice.termDays);
    // The letter's own words bind: a date it named later than the counted term is the term's end.
    const termEndsOn = notice.payBy && isAfter(notice.payBy, counted) ? notice.payBy : counted;
    const inDefaultFrom = addDays(termEndsOn, 1);
    if (!first || isBefore(inDefaultFrom, first.inDefaultFrom)) {
      first = { notice, receivedOn, termEndsOn, inDefaultFrom };
    }
  }
  return first;
}
