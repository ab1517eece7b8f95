import { type CalendarDate, isBefore } from '../calendar/calendar-date';
import { badDebtVat } from '../legal/bad-debt-vat';
import { vatInPart } from './insolvency';

/**
 * VAT relief on a bad debt (art. 29 Wet OB 1968). The VAT on the part of an invoice that was not
 * received may be reclaimed, in proportion, from the moment the claim counts as uncollectable:
 * at the latest one year after its due date (lid 2), earlier when it is certain it will not be
 * paid (written off as uncollectable, say after a bankruptcy). It belongs in the VAT return of
 * the period in which that moment falls; what the debtor pays after all must be paid back in the
 * return of the period in which it is received (lid 3).
 */
export interface VatRelief {
  /** The VAT in the part not received, in cents; null when the invoice's VAT is not known. */
  reclaimable: number | null;
  /** The day from which it may be reclaimed. */
  reclaimableFrom: CalendarDate;
  /** The VAT return period it belongs in: `2026-Q4` or `2026-11`. */
  period: string;
  /** VAT to pay back for payments received after it became reclaimable. */
  repayments: VatRepayment[];
}

export interface VatRepayment {
  paymentId: string;
  receivedOn: CalendarDate;
  /** The payment's part received on the written-off amount, and the VAT in it. */
  amount: number;
  vat: number | null;
  period: string;
}

export type VatReturnPeriod = 'quarter' | 'month';

/** The VAT return period a day falls in: `2026-Q4` for a quarter, `2026-11` for a month. */
export function vatPeriodOf(day: CalendarDate, kind: VatReturnPeriod): string {
  const [year, month] = [day.slice(0, 4), Number(day.slice(5, 7))];
  return kind === 'month' ? day.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
}

/** The first and last day of a period named `2026-Q4` or `2026-11`; undefined for anything else. */
export function periodDays(period: string): { from: CalendarDate; to: CalendarDate } | undefined {
  const quarter = /^(20\d\d)-Q([1-4])$/.exec(period);
  const month = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(period);
  if (!quarter && !month) return undefined;
  const year = Number((quarter ?? month)![1]);
  const first = quarter ? (Number(quarter[2]) - 1) * 3 + 1 : Number(month![2]);
  const last = quarter ? first + 2 : first;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/**
 * The relief on an amount written off as uncollectable on `writtenOffOn`: the VAT in it, in
 * proportion to the invoice's total, reclaimable from the write-off or one year after the due
 * date, whichever comes first.
 */
export function vatReliefOnWriteOff(input: {
  totalAmount: number;
  vatAmount: number | undefined;
  dueDate: CalendarDate;
  writtenOff: number;
  writtenOffOn: CalendarDate;
  periodKind: VatReturnPeriod;
}): VatRelief {
  const yearAfterDue = badDebtVat(input.dueDate, input.writtenOffOn).reclaimableFrom;
  const reclaimableFrom = isBefore(input.writtenOffOn, yearAfterDue) ? input.writtenOffOn : yearAfterDue;
  return {
    reclaimable: vatInPart(input.writtenOff, input.totalAmount, input.vatAmount),
    reclaimableFrom,
    period: vatPeriodOf(reclaimableFrom, input.periodKind),
    repayments: [],
  };
}

/**
 * A payment received on a written-off amount. Received before the VAT became reclaimable it only
 * lowers what may be reclaimed; received after, the VAT in it must be paid back in the period of
 * the payment.
 */
export function vatReliefAfterPayment(
  relief: VatRelief,
  payment: { paymentId: string; receivedOn: CalendarDate; amount: number },
  invoice: { totalAmount: number; vatAmount?: number },
  periodKind: VatReturnPeriod,
): VatRelief {
  const vat = vatInPart(payment.amount, invoice.totalAmount, invoice.vatAmount);
  if (isBefore(payment.receivedOn, relief.reclaimableFrom)) {
    return {
      ...relief,
      reclaimable: relief.reclaimable === null || vat === null ? null : Math.max(0, relief.reclaimable - vat),
    };
  }
  return {
    ...relief,
    repayments: [
      ...relief.repayments,
      { ...payment, vat, period: vatPeriodOf(payment.receivedOn, periodKind) },
    ],
  };
}
