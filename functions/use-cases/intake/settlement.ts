import { stoppedDunning } from '../../core/dunning/dunning-state';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { revised } from '../record-versions';

interface Closing {
  status: 'paid' | 'cancelled';
  closedAt: string;
  /** Why the dunning stopped, as the timeline and the cure report show it. */
  reason: string;
  /** Settled (nothing left to pay) rather than cancelled: the dunning records the step it cured after. */
  settled: boolean;
}

/**
 * Closes an invoice: nothing is left to collect, it leaves the sweep's index of open invoices,
 * and a dunning that had not completed is stopped. The caller stops the execution after the commit.
 */
export function closed(invoice: InvoiceRecord, closing: Closing, at: Date): InvoiceRecord {
  const dunning =
    invoice.dunning && invoice.dunning.status !== 'completed'
      ? stoppedDunning(invoice.dunning, closing.reason, closing.settled)
      : invoice.dunning;
  return revised(
    invoice,
    { status: closing.status, openAmount: 0, closedAt: closing.closedAt, ...(dunning ? { dunning } : {}) },
    at,
  );
}

interface Reduction {
  invoice: InvoiceRecord;
  /** The part of the amount the invoice took: never more than was open. */
  taken: number;
  settled: boolean;
}

/** Lowers what is open on an invoice by a payment or a credit note; at zero the invoice is settled. */
export function reduceOpenAmount(
  invoice: InvoiceRecord,
  amount: number,
  settle: { closedAt: string; reason: string },
  at: Date,
): Reduction {
  const taken = Math.min(amount, invoice.openAmount);
  const openAmount = invoice.openAmount - taken;
  if (openAmount > 0) return { invoice: revised(invoice, { openAmount }, at), taken, settled: false };
  return { invoice: closed(invoice, { status: 'paid', ...settle, settled: true }, at), taken, settled: true };
}

/** The debtor's credits after money that no invoice could take was kept on the account. */
export function creditsWith(debtor: DebtorRecord, currency: string, amount: number): Record<string, number> {
  return { ...debtor.credits, [currency]: (debtor.credits[currency] ?? 0) + amount };
}
