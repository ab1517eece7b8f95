import { addDays, daysBetween } from '../../functions/core/calendar/calendar-date';
import type { InvoiceFacts, TableSnapshot } from './table-snapshot';

/** The aging buckets of DOMAIN.md, by days past the due date. */
export const AGING_BUCKETS = ['not yet due', '1–30', '31–60', '61–90', '91–120', 'over 120'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Amounts in cents per ISO 4217 currency: amounts in different currencies are never added up. */
export type PerCurrency = Record<string, number>;

export interface PortfolioFigures {
  debtors: number;
  invoices: number;
  byStatus: Record<string, { count: number; openAmount: PerCurrency }>;
  /** Everything still receivable: open, overdue and handed over to the agency. */
  openAmount: PerCurrency;
  overdueAmount: PerCurrency;
  aging: Record<string, Record<AgingBucket, number>>;
  /** Days sales outstanding over the last 90 days; null when nothing was invoiced in them. */
  dso: Record<string, number | null>;
  openTasks: { total: number; byKind: Record<string, number> };
}

const RECEIVABLE = new Set(['open', 'overdue', 'in_collection']);
const DSO_PERIOD_DAYS = 90;

export function portfolioFigures(snapshot: TableSnapshot, today: string): PortfolioFigures {
  const receivable = snapshot.invoices.filter((invoice) => RECEIVABLE.has(invoice.status));
  const byStatus: PortfolioFigures['byStatus'] = {};
  for (const invoice of snapshot.invoices) {
    const entry = byStatus[invoice.status] ?? { count: 0, openAmount: {} };
    byStatus[invoice.status] = entry;
    entry.count++;
    if (RECEIVABLE.has(invoice.status)) addTo(entry.openAmount, invoice.currency, invoice.openAmount);
  }

  const openAmount: PerCurrency = {};
  const overdueAmount: PerCurrency = {};
  const aging: PortfolioFigures['aging'] = {};
  for (const invoice of receivable) {
    addTo(openAmount, invoice.currency, invoice.openAmount);
    const daysPastDue = daysBetween(invoice.dueDate, today);
    if (daysPastDue > 0) addTo(overdueAmount, invoice.currency, invoice.openAmount);
    const buckets = aging[invoice.currency] ?? emptyBuckets();
    buckets[agingBucket(daysPastDue)] += invoice.openAmount;
    aging[invoice.currency] = buckets;
  }

  const byKind: Record<string, number> = {};
  for (const task of snapshot.openTasks) byKind[task.kind] = (byKind[task.kind] ?? 0) + 1;

  return {
    debtors: snapshot.debtors,
    invoices: snapshot.invoices.length,
    byStatus,
    openAmount,
    overdueAmount,
    aging,
    dso: daysSalesOutstanding(snapshot.invoices, openAmount, today),
    openTasks: { total: snapshot.openTasks.length, byKind },
  };
}

export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'not yet due';
  if (daysPastDue <= 30) return '1–30';
  if (daysPastDue <= 60) return '31–60';
  if (daysPastDue <= 90) return '61–90';
  if (daysPastDue <= 120) return '91–120';
  return 'over 120';
}

/**
 * The standard DSO: receivables now / credit sales of the last 90 days × 90. Cancelled
 * invoices were never sales; sales are what was invoiced in the period, whatever became of it.
 */
function daysSalesOutstanding(
  invoices: readonly InvoiceFacts[],
  receivables: PerCurrency,
  today: string,
): Record<string, number | null> {
  const since = addDays(today, -DSO_PERIOD_DAYS);
  const sales: PerCurrency = {};
  for (const invoice of invoices) {
    if (invoice.status !== 'cancelled' && invoice.issueDate > since && invoice.issueDate <= today)
      addTo(sales, invoice.currency, invoice.totalAmount);
  }
  const currencies = new Set([...Object.keys(sales), ...Object.keys(receivables)]);
  return Object.fromEntries(
    [...currencies].map((currency) => {
      const sold = sales[currency] ?? 0;
      return [
        currency,
        sold > 0 ? Math.round(((receivables[currency] ?? 0) / sold) * DSO_PERIOD_DAYS) : null,
      ];
    }),
  );
}

function emptyBuckets(): Record<AgingBucket, number> {
  return Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgingBucket, number>;
}

function addTo(totals: PerCurrency, currency: string, amount: number): void {
  totals[currency] = (totals[currency] ?? 0) + amount;
}
