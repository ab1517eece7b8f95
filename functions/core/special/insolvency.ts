import { addDays, type CalendarDate } from '../calendar/calendar-date';
import type { SpecialManagementReason } from './special-management';

/**
 * Insolvency (Faillissementswet): bankruptcy (faillissement) and suspension of payments
 * (surseance) for companies, debt restructuring for persons (WSNP, art. 284 ff. Fw). From the
 * court's decision individual collection stops (art. 299 Fw for the WSNP): the claim is filed with
 * the trustee or administrator for verification, with interest only up to that day (art. 128 Fw),
 * payouts come at the end, and what is left after the closing (for the WSNP the clean slate,
 * art. 358 Fw) cannot be enforced any more.
 */
export const INSOLVENCY_KINDS = ['bankruptcy', 'wsnp', 'suspension_of_payments'] as const;

export type InsolvencyKind = (typeof INSOLVENCY_KINDS)[number];

export interface Insolvency {
  kind: InsolvencyKind;
  /** The day of the court's decision: the claim is stated as of this day. */
  date: CalendarDate;
  court: string;
  caseNumber: string;
  /** The trustee (curator) or administrator (bewindvoerder). */
  administrator: { name: string; email?: string };
  /** The day by which the claim must be filed with the administrator. */
  claimDeadline: CalendarDate;
  status: 'open' | 'closed';
  /** 'user:<sub>' and when it was recorded. */
  openedBy: string;
  openedAt: string;
  closedBy?: string;
  closedAt?: string;
  /** The day the insolvency ended, as the court decided. */
  closedOn?: CalendarDate;
}

/** When the trustee's letter gives no day yet, the claim is to be filed within a month of the decision. */
export const DEFAULT_INSOLVENCY_CLAIM_DAYS = 30;

/** The special-management reason an insolvency of this kind puts the debtor under. */
export function specialManagementReasonOf(kind: InsolvencyKind): SpecialManagementReason {
  return kind === 'wsnp' ? 'debt_relief' : kind === 'bankruptcy' ? 'bankruptcy' : 'financial_trouble';
}

/**
 * The day the claim must be filed by: the one the administrator set, else `defaultDays` after
 * the decision (configuration: the trustee's letter names the real day, which is then entered).
 */
export function claimDeadlineOf(
  date: CalendarDate,
  given: CalendarDate | undefined,
  defaultDays: number,
): CalendarDate {
  return given ?? addDays(date, defaultDays);
}

/** The VAT in a part of an invoice's amount, in proportion to the VAT in the whole, rounded half up. */
export function vatInPart(part: number, total: number, vatAmount: number | undefined): number | null {
  if (vatAmount === undefined) return null;
  if (total <= 0) return 0;
  return Math.round((vatAmount * part) / total);
}
