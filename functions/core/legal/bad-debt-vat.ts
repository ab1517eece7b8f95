import { addDays, addYears, type CalendarDate, isBefore } from '../calendar/calendar-date';

/**
 * VAT on a bad debt (art. 29 lid 2 Wet OB 1968, since 2017): a claim counts as uncollectable at
 * the latest one year after the last day for payment has passed, and the VAT paid on it may
 * then be reclaimed; it must be paid again when the debtor pays later (art. 29 lid 3).
 * The due date D has passed at the end of D, so the year ends at the end of the anniversary:
 * reclaimable from the day after the first anniversary of the due date (due 2025-01-31,
 * reclaimable from 2026-02-01).
 */
export interface BadDebtVat {
  readonly reclaimableFrom: CalendarDate;
  readonly reclaimable: boolean;
}

function badDebtVatReclaimableFrom(dueDate: CalendarDate): CalendarDate {
  return addYears(addDays(dueDate, 1), 1);
}

export function badDebtVat(dueDate: CalendarDate, asOf: CalendarDate): BadDebtVat {
  const reclaimableFrom = badDebtVatReclaimableFrom(dueDate);
  return { reclaimableFrom, reclaimable: !isBefore(asOf, reclaimableFrom) };
}
