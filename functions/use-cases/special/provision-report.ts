import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  provision,
  type ProvisionInvoice,
  type ProvisionLine,
  type ProvisionPercentages,
} from '../../core/special/provision';
import type { Clock } from '../../ports/clock';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';

export interface ProvisionReport {
  asOf: CalendarDate;
  percentages: ProvisionPercentages;
  /** Per currency: each class with its percentage, invoices, open cents and provision; the totals. */
  currencies: Record<string, { lines: ProvisionLine[]; open: number; provision: number }>;
}

/** Beyond any due date: every open invoice (and every claim at the agency) is read from its index. */
const EVERY_DUE_DATE = '9999-12-31';

/**
 * GET /reports/provision: the doubtful-debt provision as of today. It reads the two sparse
 * indexes of receivables (open invoices, claims at the agency), never a settled invoice, and each
 * of their debtors once (whether an insolvency is open).
 */
export async function provisionReport(deps: {
  store: CreditStore;
  clock: Clock;
  percentages: ProvisionPercentages;
}): Promise<ProvisionReport> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const inInsolvency = new Map<string, Promise<boolean>>();
  const debtorInInsolvency = (debtorId: string) => {
    let known = inInsolvency.get(debtorId);
    if (!known) {
      known = deps.store.getDebtor(debtorId).then((debtor) => debtor?.insolvency?.status === 'open');
      inInsolvency.set(debtorId, known);
    }
    return known;
  };
  const invoices: ProvisionInvoice[] = [];
  const add = async (invoice: InvoiceRecord) => {
    invoices.push({
      currency: invoice.currency,
      openAmount: invoice.openAmount,
      dueDate: invoice.dueDate,
      status: invoice.status,
      debtorInInsolvency: await debtorInInsolvency(invoice.debtorId),
    });
  };
  for await (const invoice of deps.store.listOpenInvoicesDueBy(EVERY_DUE_DATE)) await add(invoice);
  for await (const invoice of deps.store.listClaimsAtAgencyDueBy(EVERY_DUE_DATE)) await add(invoice);
  return {
    asOf: today,
    percentages: deps.percentages,
    currencies: provision(invoices, today, deps.percentages),
  };
}

/** The report as CSV: one row per currency and class, amounts in cents. */
export function provisionCsv(report: ProvisionReport): string {
  const rows = [['asOf', 'currency', 'class', 'percentage', 'invoices', 'openCents', 'provisionCents']];
  for (const [currency, figures] of Object.entries(report.currencies)) {
    for (const line of figures.lines) {
      rows.push([
        report.asOf,
        currency,
        line.class,
        String(line.percentage),
        String(line.invoices),
        String(line.open),
        String(line.provision),
      ]);
    }
    rows.push([report.asOf, currency, 'total', '', '', String(figures.open), String(figures.provision)]);
  }
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
