import type { Invoice } from './invoice';

/**
 * Where the debtor's money is. Per debtor and currency the books balance: money received = money
 * held by invoices (for the principal, and for costs and interest) + credit on the debtor's account (+ unapplied cash, which no debtor holds
 * yet). A rule that lowers what an invoice is owed (a cancellation, a lower total, a credit note)
 * hands what the invoice held beyond that back to the account, so that no cent is lost.
 */

type Held = Pick<Invoice, 'status' | 'totalAmount' | 'openAmount' | 'paidAmount' | 'creditedAmount'>;

/**
 * The debtor's money the invoice holds for the collection costs and interest a letter demanded
 * (art. 6:44 BW): beside what it holds for the principal, so the books count both.
 */
export function claimPaidOn(invoice: Pick<Invoice, 'claimPaidAmount'>): number {
  return invoice.claimPaidAmount ?? 0;
}

/** The debtor's money the invoice holds: what was paid on it and not handed back. */
export function paidOn(invoice: Held): number {
  if (invoice.paidAmount !== undefined) return invoice.paidAmount;
  // Stored before invoices kept it: what is no longer open was paid, unless it was cancelled.
  return invoice.status === 'cancelled' ? 0 : Math.max(0, invoice.totalAmount - invoice.openAmount);
}

/** The credit notes booked against the invoice. */
export function creditedOn(invoice: Held): number {
  return invoice.creditedAmount ?? 0;
}

/** The most the invoice can be owed: its total less its credit notes; nothing once cancelled. */
function netDue(invoice: Held): number {
  if (invoice.status === 'cancelled') return 0;
  return Math.max(0, invoice.totalAmount - creditedOn(invoice));
}

/** Money the invoice holds beyond what it can be owed: it belongs on the debtor's account. */
export function heldBeyondDue(invoice: Held): number {
  return Math.max(0, paidOn(invoice) - netDue(invoice));
}
