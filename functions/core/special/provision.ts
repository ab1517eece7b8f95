import type { CalendarDate } from '../calendar/calendar-date';
import { agingBucket, daysPastDue } from '../reports/aging';

/**
 * The doubtful-debt provision (voorziening dubieuze debiteuren): per currency, what is open in
 * each class of risk times the share of it not expected to come in. The classes are the aging
 * buckets of the practice, and two that say more than age: a claim at the collection agency, and
 * one on a debtor in insolvency (bankruptcy, WSNP, suspension of payments), which comes first.
 */
export const PROVISION_CLASSES = [
  'current',
  '1-30',
  '31-60',
  '61-90',
  '91-120',
  'over-120',
  'at-agency',
  'insolvency',
] as const;

export type ProvisionClass = (typeof PROVISION_CLASSES)[number];

/** The percentage of each class provided for (configuration; two decimals at most). */
export type ProvisionPercentages = Record<ProvisionClass, number>;

/** The usual starting point of an accountant's provision, used until configuration says otherwise. */
export const DEFAULT_PROVISION_PERCENTAGES: ProvisionPercentages = {
  current: 0,
  '1-30': 2,
  '31-60': 5,
  '61-90': 10,
  '91-120': 25,
  'over-120': 50,
  'at-agency': 75,
  insolvency: 100,
};

export interface ProvisionLine {
  class: ProvisionClass;
  percentage: number;
  invoices: number;
  /** Cents open in the class. */
  open: number;
  /** Cents provided for: the open amount times the percentage, rounded half up once per class. */
  provision: number;
}

export interface ProvisionInvoice {
  currency: string;
  openAmount: number;
  dueDate: CalendarDate;
  status: string;
  /** The invoice's debtor has an insolvency that is not closed. */
  debtorInInsolvency: boolean;
}

/** The class an open invoice falls in on `today`. */
export function provisionClassOf(invoice: ProvisionInvoice, today: CalendarDate): ProvisionClass {
  if (invoice.debtorInInsolvency) return 'insolvency';
  if (invoice.status === 'in_collection') return 'at-agency';
  const bucket = agingBucket(daysPastDue(invoice, today));
  const byBucket = {
    'not yet due': 'current',
    '1–30': '1-30',
    '31–60': '31-60',
    '61–90': '61-90',
    '91–120': '91-120',
    'over 120': 'over-120',
  } as const;
  return byBucket[bucket];
}

/** The provision per currency, every class listed (with zeros), and the totals per currency. */
export function provision(
  invoices: Iterable<ProvisionInvoice>,
  today: CalendarDate,
  percentages: ProvisionPercentages,
): Record<string, { lines: ProvisionLine[]; open: number; provision: number }> {
  const open: Record<string, Record<ProvisionClass, { invoices: number; open: number }>> = {};
  for (const invoice of invoices) {
    if (invoice.openAmount <= 0) continue;
    const classes = (open[invoice.currency] ??= Object.fromEntries(
      PROVISION_CLASSES.map((name) => [name, { invoices: 0, open: 0 }]),
    ) as Record<ProvisionClass, { invoices: number; open: number }>);
    const sum = classes[provisionClassOf(invoice, today)];
    sum.invoices += 1;
    sum.open += invoice.openAmount;
  }
  const result: Record<string, { lines: ProvisionLine[]; open: number; provision: number }> = {};
  for (const [currency, classes] of Object.entries(open).sort(([a], [b]) => a.localeCompare(b))) {
    const lines = PROVISION_CLASSES.map((name): ProvisionLine => {
      const percentage = percentages[name];
      return {
        class: name,
        percentage,
        invoices: classes[name].invoices,
        open: classes[name].open,
        provision: provided(classes[name].open, percentage),
      };
    });
    result[currency] = {
      lines,
      open: lines.reduce((sum, line) => sum + line.open, 0),
      provision: lines.reduce((sum, line) => sum + line.provision, 0),
    };
  }
  return result;
}

/** Cents times a percentage of at most two decimals, in integers (basis points), rounded half up. */
function provided(cents: number, percentage: number): number {
  const basisPoints = Math.round(percentage * 100);
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}
