import { addDays, type CalendarDate, isBefore } from '../calendar/calendar-date';
import { nextWorkingDay } from '../calendar/working-days';
import type { DebtorKind } from '../ledger/debtor';
import type { DunningStep } from './dunning-policy';

/** Default days to pay after receipt: a consumer's reasonable term (art. 6:82 BW), a business's week. */
const DEFAULT_PAY_WITHIN_DAYS: Record<DebtorKind, number> = { consumer: 14, business: 7 };

/**
 * The date a letter's demand names. Every reminder and notice says by when: "binnen 14 dagen na
 * ontvangst, uiterlijk [datum]" for a consumer (whose default, and so interest, starts only after
 * such a term), "uiterlijk [datum]" for a business. The letter goes by email and is received the
 * day it is sent, so the date is that many days after today, moved to a working day (a later date
 * only helps the debtor). A final notice followed by a hand-over names that day too, and its
 * date to pay falls before it.
 */
export interface DemandTerm {
  payBy: CalendarDate;
  /** Counted from the day after receipt; stated to a consumer, recorded as the claim's term. */
  termDays: number;
  /** The day the claim goes to the collection agency when the debtor does not pay. */
  handOverOn?: CalendarDate;
}

export function demandTerm(input: {
  step: Pick<DunningStep, 'payWithinDays'>;
  debtorKind: DebtorKind;
  today: CalendarDate;
  /** The day of the agency step that follows this letter, if the policy has one. */
  handOverOn?: CalendarDate;
}): DemandTerm {
  const termDays = input.step.payWithinDays ?? DEFAULT_PAY_WITHIN_DAYS[input.debtorKind];
  let payBy = nextWorkingDay(addDays(input.today, termDays));
  const { handOverOn } = input;
  if (handOverOn && !isBefore(payBy, handOverOn)) {
    const dayBefore = addDays(handOverOn, -1);
    payBy = isBefore(input.today, dayBefore) ? dayBefore : addDays(input.today, 1);
  }
  return { payBy, termDays, ...(handOverOn ? { handOverOn } : {}) };
}
