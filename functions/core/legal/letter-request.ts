import type { CalendarDate } from '../calendar/calendar-date';
import type { DebtorKind } from '../ledger/debtor';
import type { Money } from '../money';
import type { LegalPolicy } from './legal-policy';

/**
 * What a letter that states the claim asks the debtor to pay: one rule, chosen by policy.
 * - 'total-claim': the whole claim (principal, interest, costs). The request, the QR code and the
 *   total agree; payments go to costs, then interest, then principal (art. 6:44 BW).
 * - 'principal-settlement': the principal, offered as a settlement ("betaalt u € X uiterlijk
 *   [datum], dan zien wij af van rente en kosten"); the letter prints no total it does not pursue,
 *   and the principal paid by that day settles the claim.
 * Whatever the letter asks is what its QR code pays.
 */
export type LetterRequestKind = 'total-claim' | 'principal-settlement';

/** One invoice's part of what a letter asked, in cents: the amount, and of it the costs and interest stated. */
export interface RequestPart {
  readonly amount: number;
  readonly costs: number;
  readonly interest: number;
}

/** What one letter asked: the amount, by when, and each invoice's part of it. */
export interface LetterRequest {
  readonly kind: LetterRequestKind;
  readonly amount: Money;
  readonly payBy: CalendarDate;
  /** Per invoice id. */
  readonly parts: Readonly<Record<string, RequestPart>>;
}

/**
 * The policy's choice; a policy stored before it had one asks businesses the total claim (their
 * interest and compensation are due without a reminder) and offers consumers the principal.
 */
export function letterRequestKindOf(legal: LegalPolicy, debtorKind: DebtorKind): LetterRequestKind {
  return legal.letterRequest ?? (debtorKind === 'business' ? 'total-claim' : 'principal-settlement');
}
