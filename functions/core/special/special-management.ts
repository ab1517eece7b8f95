/**
 * Special management (Bijzonder Beheer): a debtor in structural financial trouble leaves the
 * normal cycle. While it lasts no execution of its invoices runs, no letter goes out and no call
 * is made; the special team works its tasks. The debtor record says which cycle it is in
 * (`management`), and, while special, who put it there and why.
 */
export const SPECIAL_MANAGEMENT_REASONS = [
  'financial_trouble',
  'bankruptcy',
  'debt_relief',
  'no_recourse',
  'other',
] as const;

export type SpecialManagementReason = (typeof SPECIAL_MANAGEMENT_REASONS)[number];

/** Which cycle a debtor is in. A debtor record without the field is in the normal one. */
export type Management = 'normal' | 'special';

export interface SpecialManagement {
  reason: SpecialManagementReason;
  note?: string;
  /** 'user:<sub>' of whoever moved the debtor. */
  by: string;
  at: string;
}

/** What each invoice's pause under its debtor's special management refers to. */
export const SPECIAL_MANAGEMENT_REF = 'debtor';

export function isUnderSpecialManagement(debtor: { management?: Management }): boolean {
  return debtor.management === 'special';
}
