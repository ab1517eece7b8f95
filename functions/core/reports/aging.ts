import type { CalendarDate } from '../calendar/calendar-date';
import { daysBetween } from '../calendar/calendar-date';
import { type InvoiceFacts } from './receivables';
import { hasOpenBalance } from '../ledger/invoice';

/** The aging buckets of the credit-management practice, by days past the due date. */
export const AGING_BUCKETS = ['not yet due', '1–30', '31–60', '61–90', '91–120', 'over 120'] as const;
type AgingBucket = (typeof AGING_BUCKETS)[number];

/** One figure per bucket: cents or a number of invoices. */
export type PerBucket = Record<AgingBucket, number>;

interface Aging {
  /** Open amount in cents per currency and bucket. */
  amounts: Record<string, PerBucket>;
  /** Number of open invoices per currency and bucket. */
  counts: Record<string, PerBucket>;
}

/**
 * An invoice due today is not yet due; one day after its due date it is 1 day past due. The
 * bucket bounds are inclusive: 30 days past due is still 1–30, 31 is 31–60.
 */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'not yet due';
  if (daysPastDue <= 30) return '1–30';
  if (daysPastDue <= 60) return '31–60';
  if (daysPastDue <= 90) return '61–90';
  if (daysPastDue <= 120) return '91–120';
  return 'over 120';
}

/** Whole days from the due date to `today`; zero or less while the invoice is not yet due. */
export function daysPastDue(invoice: Pick<InvoiceFacts, 'dueDate'>, today: CalendarDate): number {
  return daysBetween(invoice.dueDate, today);
}

/** The receivables on `today`, by currency and bucket: settled and cancelled invoices age no more. */
export function ageReceivables(invoices: readonly InvoiceFacts[], today: CalendarDate): Aging {
  const aging: Aging = { amounts: {}, counts: {} };
  for (const invoice of invoices) {
    if (!hasOpenBalance(invoice)) continue;
    const bucket = agingBucket(daysPastDue(invoice, today));
    const amounts = (aging.amounts[invoice.currency] ??= emptyBuckets());
    const counts = (aging.counts[invoice.currency] ??= emptyBuckets());
    amounts[bucket] += invoice.openAmount;
    counts[bucket] += 1;
  }
  return aging;
}

function emptyBuckets(): PerBucket {
  return Object.fromEntries(AGING_BUCKETS.map((bucket) => [bucket, 0])) as PerBucket;
}
