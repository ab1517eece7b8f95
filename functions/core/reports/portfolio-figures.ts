import type { CalendarDate } from '../calendar/calendar-date';
import type { InvoiceStatus } from '../ledger/invoice';
import { ageReceivables, daysPastDue, type PerBucket } from './aging';
import { type Dso, daysSalesOutstanding } from './days-sales-outstanding';
import { addTo, type InvoiceFacts, type PerCurrency } from './receivables';
import { hasOpenBalance } from '../ledger/invoice';

/**
 * The portfolio at a glance, as of one day of the business calendar. Computed from every
 * invoice, so it also serves as the brute-force reference for figures kept as aggregates.
 */
export interface PortfolioFigures {
  asOf: CalendarDate;
  /** Every invoice on file, whatever its status. */
  invoices: number;
  byStatus: Partial<Record<InvoiceStatus, { count: number; openAmount: PerCurrency }>>;
  /** Invoices with something left to collect (open, overdue, with the collection agency). */
  openInvoices: number;
  /** The receivables: what those invoices still owe. */
  openAmount: PerCurrency;
  /** The part of the receivables past its due date. */
  overdueAmount: PerCurrency;
  /** Open amount per currency and aging bucket. */
  aging: Record<string, PerBucket>;
  /** Number of open invoices per currency and aging bucket. */
  agingCounts: Record<string, PerBucket>;
  dso: Record<string, Dso>;
}

export function portfolioFigures(invoices: readonly InvoiceFacts[], today: CalendarDate): PortfolioFigures {
  const byStatus: PortfolioFigures['byStatus'] = {};
  const openAmount: PerCurrency = {};
  const overdueAmount: PerCurrency = {};
  let openInvoices = 0;
  for (const invoice of invoices) {
    const entry = (byStatus[invoice.status] ??= { count: 0, openAmount: {} });
    entry.count++;
    if (!hasOpenBalance(invoice)) continue;
    openInvoices++;
    addTo(entry.openAmount, invoice.currency, invoice.openAmount);
    addTo(openAmount, invoice.currency, invoice.openAmount);
    if (daysPastDue(invoice, today) > 0) addTo(overdueAmount, invoice.currency, invoice.openAmount);
  }
  const aging = ageReceivables(invoices, today);
  return {
    asOf: today,
    invoices: invoices.length,
    byStatus,
    openInvoices,
    openAmount,
    overdueAmount,
    aging: aging.amounts,
    agingCounts: aging.counts,
    dso: daysSalesOutstanding(invoices, today),
  };
}
