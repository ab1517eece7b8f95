import { stoppedDunning } from '../../core/dunning/dunning-state';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { paidOn } from '../../core/ledger/invoice-money';
import { formatMoney } from '../../core/money';
import {
  type VatReturnPeriod,
  vatReliefAfterPayment,
  vatReliefOnWriteOff,
} from '../../core/special/vat-relief';
import type { WriteOff } from '../../core/special/write-off';
import type { Clock } from '../../ports/clock';
import type { CreditStore, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';
import { stopExecutionOf } from '../dunning/stop-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { closeTasksOfClosedInvoice } from '../worklist/close-tasks';

export interface WriteOffDeps {
  store: CreditStore;
  workflow: DunningWorkflow;
  clock: Clock;
  /** Above this many cents only an admin may write off (configuration). */
  adminAbove: number;
  vatPeriod: VatReturnPeriod;
}

export interface WriteOffInput {
  reason: string;
  /** Cents; the whole open amount when absent. Less than what is open: a partial remission. */
  amount?: number;
  /** 'user:<sub>'. */
  by: string;
  isAdmin: boolean;
}

/**
 * POST /invoices/{id}/write-off: the open amount, or part of it, is no longer claimed. In full,
 * the invoice gets status `written_off`, leaves the sweep's index and its dunning stops for good;
 * in part (a remission), the open amount goes down and the dunning (or its pause) goes on for the
 * rest. The VAT that may be reclaimed on what was written off is kept on the invoice. No money
 * moves: what the invoice holds of the debtor's payments stays as it was.
 */
export async function writeOffInvoice(
  deps: WriteOffDeps,
  invoiceId: string,
  input: WriteOffInput,
): Promise<InvoiceRecord> {
  const { before, after } = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`, 'invoice_not_found');
    if (!hasOpenBalance(invoice)) {
      throw conflict(
        `Invoice ${invoice.number} is ${invoice.status.replace('_', ' ')} with nothing open: there is nothing to write off.`,
        'invoice_not_open',
      );
    }
    const amount = input.amount ?? invoice.openAmount;
    if (amount > invoice.openAmount) {
      throw invalid([
        {
          path: 'amount',
          message: `must be at most what is open on the invoice (${invoice.openAmount} cents)`,
        },
      ]);
    }
    if (amount > deps.adminAbove && !input.isAdmin) {
      throw forbidden(
        `Writing off more than ${formatMoney({ amount: deps.adminAbove, currency: invoice.currency }, 'en')} needs an admin.`,
      );
    }
    const now = deps.clock.now();
    const after = writtenOff(invoice, { amount, reason: input.reason, by: input.by }, now, deps.vatPeriod);
    await deps.store.commit(writeOffWrites(invoice, after));
    return { before: invoice, after };
  });
  if (after.status === 'written_off') {
    await stopExecutionOf(deps.workflow, before, 'written off');
    await closeTasksOfClosedInvoice(deps, invoiceId);
  }
  return after;
}

/** The invoice with `amount` written off on the day of `now`, and its VAT relief. */
function writtenOff(
  invoice: InvoiceRecord,
  input: { amount: number; reason: string; by: string },
  now: Date,
  vatPeriod: VatReturnPeriod,
): InvoiceRecord {
  const on = localDate(now, BUSINESS_TIME_ZONE);
  const full = input.amount === invoice.openAmount;
  const writeOff: WriteOff = {
    amount: input.amount,
    reason: input.reason,
    by: input.by,
    at: now.toISOString(),
    on,
    full,
  };
  const total = (invoice.writtenOff?.amount ?? 0) + input.amount;
  const vatRelief = vatReliefOnWriteOff({
    totalAmount: invoice.totalAmount,
    vatAmount: invoice.vatAmount,
    dueDate: invoice.dueDate,
    writtenOff: total,
    writtenOffOn: on,
    periodKind: vatPeriod,
  });
  const changes: Partial<InvoiceRecord> = {
    openAmount: invoice.openAmount - input.amount,
    // Kept explicitly: an invoice without it would count what is no longer open as paid.
    paidAmount: paidOn(invoice),
    writtenOff: {
      writeOffs: [...(invoice.writtenOff?.writeOffs ?? []), writeOff],
      amount: total,
      recovered: invoice.writtenOff?.recovered ?? 0,
    },
    vatRelief,
  };
  if (!full) return revised(invoice, changes, now);
  const dunning =
    invoice.dunning && invoice.dunning.status !== 'completed'
      ? stoppedDunning(invoice.dunning, 'written off', false)
      : invoice.dunning;
  return revised(
    invoice,
    { ...changes, status: 'written_off', closedAt: now.toISOString(), ...(dunning ? { dunning } : {}) },
    now,
  );
}

/** The invoice by the version it was read at, and its timeline entry. */
function writeOffWrites(before: InvoiceRecord, after: InvoiceRecord): StoreWrite[] {
  const last = after.writtenOff?.writeOffs.at(-1);
  const money = (amount: number) => formatMoney({ amount, currency: before.currency }, 'en');
  const relief = after.vatRelief;
  return [
    { kind: 'putInvoice', invoice: after, expectedVersion: before.version },
    {
      kind: 'appendEvent',
      subject: { invoiceId: before.id },
      event: {
        at: after.updatedAt,
        type: 'written_off',
        actor: last?.by ?? 'unknown',
        summary: `${money(last?.amount ?? 0)} written off${last?.full ? '; the dunning stops for good' : `; ${money(after.openAmount)} still open`}: ${last?.reason ?? ''}`,
        details: {
          amount: last?.amount,
          reason: last?.reason,
          openAmount: after.openAmount,
          ...(relief
            ? {
                vatReclaimable: relief.reclaimable,
                reclaimableFrom: relief.reclaimableFrom,
                vatPeriod: relief.period,
              }
            : {}),
        },
      },
    },
  ];
}

/**
 * A payment on an invoice written off in full: the debtor paid after all. It is booked on the
 * invoice up to what was written off (the invoice holds it, as any payment), and the VAT in it is
 * to be paid back if it had become reclaimable (art. 29 lid 3 Wet OB). Returns the invoice and
 * the part taken; the rest goes to the debtor's account as any overpayment.
 */
export function recoveredOnWriteOff(
  invoice: InvoiceRecord,
  payment: { paymentId: string; amount: number; receivedAt: string },
  at: Date,
  vatPeriod: VatReturnPeriod,
): { invoice: InvoiceRecord; taken: number } {
  const written = invoice.writtenOff;
  if (invoice.status !== 'written_off' || !written) return { invoice, taken: 0 };
  const taken = Math.min(payment.amount, written.amount - written.recovered);
  if (taken <= 0) return { invoice, taken: 0 };
  const receivedOn = localDate(new Date(payment.receivedAt), BUSINESS_TIME_ZONE);
  const vatRelief = invoice.vatRelief
    ? vatReliefAfterPayment(
        invoice.vatRelief,
        { paymentId: payment.paymentId, receivedOn, amount: taken },
        invoice,
        vatPeriod,
      )
    : undefined;
  return {
    invoice: revised(
      invoice,
      {
        paidAmount: paidOn(invoice) + taken,
        writtenOff: { ...written, recovered: written.recovered + taken },
        ...(vatRelief ? { vatRelief } : {}),
      },
      at,
    ),
    taken,
  };
}
