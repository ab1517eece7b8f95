import { addDays, type CalendarDate, isoWeekday } from '../calendar/calendar-date';
import type { Money } from '../money';
import { isDutchPublicHoliday } from './algemene-termijnenwet';

/**
 * A written reminder as the system keeps it for evidence (Hoge Raad, ECLI:NL:HR:2016:2704: the
 * creditor must be able to prove the letter and the day it was received): what was sent, how,
 * when, and whether it was delivered.
 */
export interface WrittenNotice {
  /**
   * 'fourteen-day-letter' is the reminder of art. 6:96 lid 6 BW; every notice is a written
   * reminder. 'interruption-letter' (stuitingsbrief) only reserves the right to payment to
   * interrupt the limitation period (art. 3:317 BW): it gives no term and puts no one in default.
   */
  readonly kind: 'reminder' | 'fourteen-day-letter' | 'interruption-letter';
  readonly channel: 'email' | 'post';
  readonly sentOn: CalendarDate;
  /**
   * Email: the day the delivery was confirmed, in Europe/Amsterdam (see localDate).
   * Post: only when delivery was tracked; otherwise the postal delivery day is used.
   */
  readonly deliveredOn?: CalendarDate | null;
  /** The mail bounced or the letter came back: it was not received. */
  readonly returned?: boolean;
  /** The days the notice gives to pay, counted from the day after it is received. */
  readonly termDays: number;
  /**
   * The collection costs the letter states, including the VAT on them where that is charged
   * (art. 6:96 lid 6 BW requires the amount in a 14-day letter).
   */
  readonly statedCosts?: Money | null;
  /** The last day to pay that the letter prints ("uiterlijk op …"); its term is never shorter. */
  readonly payBy?: CalendarDate | null;
  /** Names the letter, e.g. the debtor, step and day of a letter that lists several invoices. */
  readonly letterId?: string;
  /** Every invoice the letter lists; its stated costs are over their combined principal. */
  readonly invoiceIds?: readonly string[];
}

/**
 * Letters in the Netherlands are delivered Tuesday to Saturday (PostNL does not deliver letters
 * on Sundays and Mondays) and not on public holidays; a letter sent on day D counts as received
 * on the `postalDeliveryDays`-th delivery day after D. Skipping the non-delivery days can only
 * make the receipt later, never earlier than it could really have happened.
 */
function isPostalDeliveryDay(date: CalendarDate): boolean {
  const weekday = isoWeekday(date);
  return weekday >= 2 && weekday <= 6 && !isDutchPublicHoliday(date);
}

export function postalReceiptDate(sentOn: CalendarDate, postalDeliveryDays: number): CalendarDate {
  let day = sentOn;
  for (let counted = 0; counted < postalDeliveryDays;) {
    day = addDays(day, 1);
    if (isPostalDeliveryDay(day)) counted += 1;
  }
  return day;
}

/**
 * The day the debtor received the notice (art. 3:37 lid 3 BW: a statement takes effect when it
 * reaches the addressee), or null when receipt cannot be shown. An email counts as received on
 * the day it was delivered; a letter on its tracked delivery day or else on the postal delivery
 * day; a returned notice or an email without a delivery confirmation is not received.
 */
export function noticeReceivedOn(notice: WrittenNotice, postalDeliveryDays: number): CalendarDate | null {
  if (notice.returned) return null;
  if (notice.deliveredOn) return notice.deliveredOn;
  if (notice.channel === 'email') return null;
  return postalReceiptDate(notice.sentOn, postalDeliveryDays);
}

/** The last day of the term a notice gives: `termDays` counted from the day after receipt. */
export function noticeTermLastDay(receivedOn: CalendarDate, termDays: number): CalendarDate {
  return addDays(receivedOn, termDays);
}
