import type { Invoice } from '../ledger/invoice';
import { add, money } from '../money';

/**
 * What the reports read of an invoice: amounts in cents of its currency, dates as calendar dates
 * of the business calendar.
 */
export type InvoiceFacts = Pick<
  Invoice,
  'status' | 'currency' | 'totalAmount' | 'openAmount' | 'issueDate' | 'dueDate'
>;

/** Amounts in cents per ISO 4217 currency: amounts in different currencies are never added up. */
export type PerCurrency = Record<string, number>;

/** Adds whole cents to a currency's total; `money` refuses fractions and unknown currency codes. */
export function addTo(totals: PerCurrency, currency: string, cents: number): void {
  totals[currency] = add(money(totals[currency] ?? 0, currency), money(cents, currency)).amount;
}
