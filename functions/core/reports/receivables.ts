import type { Invoice, InvoiceStatus } from '../ledger/invoice';
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

// TODO(merge): use the invoice's own predicate
const RECEIVABLE: ReadonlySet<InvoiceStatus> = new Set(['open', 'overdue', 'in_collection']);

/**
 * Still owed to the company: open or overdue, or handed over to the collection agency, which
 * collects on the company's behalf; and something is left to pay.
 */
export function isReceivable(invoice: Pick<InvoiceFacts, 'status' | 'openAmount'>): boolean {
  return RECEIVABLE.has(invoice.status) && invoice.openAmount > 0;
}

/** Adds whole cents to a currency's total; `money` refuses fractions and unknown currency codes. */
export function addTo(totals: PerCurrency, currency: string, cents: number): void {
  totals[currency] = add(money(totals[currency] ?? 0, currency), money(cents, currency)).amount;
}
