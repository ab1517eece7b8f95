import { addDays, type CalendarDate, isAfter, isBefore } from '../../core/calendar/calendar-date';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { badDebtVat } from '../../core/legal/bad-debt-vat';
import { vatInPart } from '../../core/special/insolvency';
import { periodDays } from '../../core/special/vat-relief';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';
import { invalid } from '../refusal';

export interface VatReclaim {
  invoiceId: string;
  number: string;
  debtorId: string;
  currency: string;
  /** The part of the invoice not received, on which the VAT is reclaimed. */
  notReceived: number;
  /** The VAT on it; null when the invoicing system did not send the invoice's VAT. */
  vat: number | null;
  reclaimableFrom: CalendarDate;
  /** Written off as uncollectable, or still open a year after its due date. */
  because: 'written_off' | 'one_year_overdue';
}

export interface VatPayBack {
  invoiceId: string;
  number: string;
  debtorId: string;
  currency: string;
  paymentId: string;
  receivedOn: CalendarDate;
  /** What the debtor paid after all on the written-off amount, and the VAT in it to pay back. */
  received: number;
  vat: number | null;
}

export interface VatReliefReport {
  period: string;
  from: CalendarDate;
  to: CalendarDate;
  reclaim: VatReclaim[];
  payBack: VatPayBack[];
  /** Per currency: VAT to reclaim, to pay back, and the balance, over the lines whose VAT is known. */
  totals: Record<string, { reclaim: number; payBack: number; net: number }>;
  /** Invoices in the period whose VAT the invoicing system did not send: their relief cannot be computed. */
  vatUnknown: string[];
}

/**
 * GET /reports/vat-relief?period=2026-Q4 (or 2026-11): the VAT on bad debts that may be reclaimed
 * in that VAT return (art. 29 lid 2 Wet OB 1968), in proportion to what was not received: on what
 * was written off (from the write-off, or a year after the due date if that came first), and on
 * what is still open a year after the due date; and the VAT to pay back on written-off invoices
 * the debtor paid after all (lid 3), in the period of the payment.
 *
 * It reads every invoice (a scan, as the portfolio report does): an aggregate per period, kept
 * with the write-offs and payments, is what a large portfolio needs.
 */
export async function vatReliefReport(store: CreditStore, period: string): Promise<VatReliefReport> {
  const days = periodDays(period);
  if (!days)
    throw invalid([{ path: 'query.period', message: 'must be a quarter (2026-Q4) or a month (2026-11)' }]);
  const within = (day: CalendarDate) => !isBefore(day, days.from) && !isAfter(day, days.to);
  const report: VatReliefReport = { period, ...days, reclaim: [], payBack: [], totals: {}, vatUnknown: [] };

  for await (const invoice of store.listInvoices()) {
    for (const line of reclaimsOf(invoice)) {
      if (!within(line.reclaimableFrom)) continue;
      report.reclaim.push(line);
      if (line.vat === null) report.vatUnknown.push(invoice.id);
      else totalsOf(report, invoice.currency).reclaim += line.vat;
    }
    for (const repayment of invoice.vatRelief?.repayments ?? []) {
      if (!within(repayment.receivedOn)) continue;
      report.payBack.push({
        invoiceId: invoice.id,
        number: invoice.number,
        debtorId: invoice.debtorId,
        currency: invoice.currency,
        paymentId: repayment.paymentId,
        receivedOn: repayment.receivedOn,
        received: repayment.amount,
        vat: repayment.vat,
      });
      if (repayment.vat === null) report.vatUnknown.push(invoice.id);
      else totalsOf(report, invoice.currency).payBack += repayment.vat;
    }
  }
  for (const sum of Object.values(report.totals)) sum.net = sum.reclaim - sum.payBack;
  report.reclaim.sort(
    (a, b) => a.reclaimableFrom.localeCompare(b.reclaimableFrom) || a.invoiceId.localeCompare(b.invoiceId),
  );
  report.payBack.sort(
    (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.paymentId.localeCompare(b.paymentId),
  );
  report.vatUnknown = [...new Set(report.vatUnknown)].sort();
  return report;
}

/** What may be reclaimed on one invoice: on what was written off, and on what is open a year after its due date. */
function reclaimsOf(invoice: InvoiceRecord): VatReclaim[] {
  const base = {
    invoiceId: invoice.id,
    number: invoice.number,
    debtorId: invoice.debtorId,
    currency: invoice.currency,
  };
  const lines: VatReclaim[] = [];
  const relief = invoice.vatRelief;
  if (relief && invoice.writtenOff) {
    lines.push({
      ...base,
      notReceived: invoice.writtenOff.amount,
      vat: relief.reclaimable,
      reclaimableFrom: relief.reclaimableFrom,
      because: 'written_off',
    });
  }
  if (hasOpenBalance(invoice)) {
    // Still open a year after the due date: uncollectable by law from then on (lid 2).
    const reclaimableFrom = badDebtVat(invoice.dueDate, addDays(invoice.dueDate, 1)).reclaimableFrom;
    lines.push({
      ...base,
      notReceived: invoice.openAmount,
      vat: vatInPart(invoice.openAmount, invoice.totalAmount, invoice.vatAmount),
      reclaimableFrom,
      because: 'one_year_overdue',
    });
  }
  return lines;
}

function totalsOf(report: VatReliefReport, currency: string) {
  return (report.totals[currency] ??= { reclaim: 0, payBack: 0, net: 0 });
}
