import {
  addDays,
  addYears,
  type CalendarDate,
  daysBetween,
  isAfter,
  isBefore,
} from '../calendar/calendar-date';
import { noticeReceivedOn, type WrittenNotice } from './written-notice';

/**
 * Limitation (verjaring) of the claim for payment:
 * - 5 years (art. 3:307 BW), or 2 years for the price of a consumer sale (art. 7:28 BW), from
 *   the start of the day after the claim fell due: due on D, the period runs from D+1 and the
 *   claim lapses at the start of D+1 plus the period (`lapsesOn`, the first day it is barred).
 * - A written reminder interrupts the period (art. 3:317 lid 1 BW) once it is received
 *   (art. 3:37 lid 3 BW), and a new period of the same length starts the next day
 *   (art. 3:319 lid 1 BW). Emails count when delivered; a reminder without proof of receipt is
 *   not counted, which keeps the warning on the safe (early) side. A reminder received after
 *   the claim lapsed does not revive it.
 * Not modelled: the separate limitation of each interest instalment (art. 3:308 BW),
 * acknowledgement by the debtor (art. 3:318 BW) and court actions.
 */
export const DEFAULT_LAPSE_WARNING_DAYS = 90;

export interface Limitation {
  readonly periodYears: 2 | 5;
  readonly article: 'art. 3:307 BW' | 'art. 7:28 BW';
  /** First day of the current period. */
  readonly runsFrom: CalendarDate;
  /** Receipt date of the reminder that started the current period, or null (from the due date). */
  readonly restartedByReminderReceivedOn: CalendarDate | null;
  /** First day on which the claim is time-barred; the day before is the last day to act. */
  readonly lapsesOn: CalendarDate;
  /** Days from `asOf` to `lapsesOn` (0 or less when lapsed). */
  readonly daysLeft: number;
  readonly status: 'running' | 'lapses-soon' | 'lapsed';
  /** True when the claim lapses within the warning window: a task for the credit controller. */
  readonly raisesTask: boolean;
}

export function claimLimitation(input: {
  readonly dueDate: CalendarDate;
  /** The price of a sale of goods to a consumer (art. 7:28 BW). */
  readonly consumerPurchase: boolean;
  readonly notices: readonly WrittenNotice[];
  readonly postalDeliveryDays: number;
  readonly asOf: CalendarDate;
  readonly warningDays?: number;
}): Limitation {
  const periodYears = input.consumerPurchase ? 2 : 5;
  let runsFrom = addDays(input.dueDate, 1);
  let lapsesOn = addYears(runsFrom, periodYears);
  let restartedBy: CalendarDate | null = null;

  const receipts = input.notices
    .map((notice) => noticeReceivedOn(notice, input.postalDeliveryDays))
    .filter((day): day is CalendarDate => day !== null && !isAfter(day, input.asOf))
    .sort((a, b) => daysBetween(b, a));
  for (const receivedOn of receipts) {
    if (!isAfter(receivedOn, input.dueDate) || !isBefore(receivedOn, lapsesOn)) continue;
    runsFrom = addDays(receivedOn, 1);
    lapsesOn = addYears(runsFrom, periodYears);
    restartedBy = receivedOn;
  }

  const daysLeft = daysBetween(input.asOf, lapsesOn);
  const warningDays = input.warningDays ?? DEFAULT_LAPSE_WARNING_DAYS;
  const status = daysLeft <= 0 ? 'lapsed' : daysLeft <= warningDays ? 'lapses-soon' : 'running';
  return {
    periodYears,
    article: input.consumerPurchase ? 'art. 7:28 BW' : 'art. 3:307 BW',
    runsFrom,
    restartedByReminderReceivedOn: restartedBy,
    lapsesOn,
    daysLeft,
    status,
    raisesTask: status === 'lapses-soon',
  };
}
