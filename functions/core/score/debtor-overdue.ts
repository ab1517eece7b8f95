import type { Invoice } from '../ledger/invoice';

/**
 * What the debtor owes overdue, per currency in cents, as the ranking of GET /reports/debtors
 * counts it: the open amount of each invoice the dunning has taken up (status `overdue`, paused or
 * not). An invoice that fell due today counts from the morning sweep that starts its dunning.
 */
export function overdueByCurrency(
  invoices: readonly Pick<Invoice, 'status' | 'openAmount' | 'currency'>[],
): Record<string, number> {
  const overdue: Record<string, number> = {};
  for (const invoice of invoices) {
    if (invoice.status !== 'overdue' || invoice.openAmount <= 0) continue;
    overdue[invoice.currency] = (overdue[invoice.currency] ?? 0) + invoice.openAmount;
  }
  return overdue;
}
