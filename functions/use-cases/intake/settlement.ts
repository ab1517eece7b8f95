import { stoppedDunning } from '../../core/dunning/dunning-state';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { claimPaidOn, creditedOn, heldBeyondDue, paidOn } from '../../core/ledger/invoice-money';
import { applyPayment } from '../../core/legal/payment-application';
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
  /** The part of the amount the invoice took off what was open: never more than was open. */
  taken: number;
  settled: boolean;
}

/** A payment's reduction, with the parts that went to demanded costs and interest before the principal. */
interface PaymentReduction extends Reduction {
  /** Of `taken`: to costs, to interest, to the principal. */
  applied: { costs: number; interest: number; principal: number };
}

/**
 * A payment on an invoice whose letter demanded costs and interest with the principal goes to
 * those first (art. 6:44 BW); the invoice holds that money too. What is left pays the principal.
 */
export function payClaim(
  invoice: InvoiceRecord,
  amount: number,
  settle: { closedAt: string; reason: string },
  at: Date,
): PaymentReduction {
  const due = invoice.claimDue;
  if (!due || due.costs + due.interest === 0 || invoice.openAmount === 0) {
    const reduction = payInvoice(invoice, amount, settle, at);
    return { ...reduction, applied: { costs: 0, interest: 0, principal: reduction.taken } };
  }
  const applied = applyPayment(amount, { ...due, principal: invoice.openAmount });
  const toClaim = applied.costs + applied.interest;
  const withClaim: InvoiceRecord = {
    ...invoice,
    claimDue: { ...due, costs: due.costs - applied.costs, interest: due.interest - applied.interest },
    claimPaidAmount: claimPaidOn(invoice) + toClaim,
  };
  const reduction = payInvoice(withClaim, applied.principal, settle, at);
  return {
    ...reduction,
    taken: toClaim + reduction.taken,
    applied: { costs: applied.costs, interest: applied.interest, principal: reduction.taken },
  };
}

/**
 * Money of the debtor (a payment, or credit on the account) paid on an invoice: it lowers what
 * is open, and the invoice holds it. At zero open the invoice is settled.
 */
export function payInvoice(
  invoice: InvoiceRecord,
  amount: number,
  settle: { closedAt: string; reason: string },
  at: Date,
): Reduction {
  const taken = Math.min(amount, invoice.openAmount);
  const changes = { openAmount: invoice.openAmount - taken, paidAmount: paidOn(invoice) + taken };
  if (changes.openAmount > 0) return { invoice: revised(invoice, changes, at), taken, settled: false };
  const paid = { ...invoice, paidAmount: changes.paidAmount };
  return { invoice: closed(paid, { status: 'paid', ...settle, settled: true }, at), taken, settled: true };
}

/**
 * A credit note: the invoice is owed less, so what is open goes down (never below zero), and what
 * the invoice held beyond its new due goes back to the debtor (`handedBack`). A note on an invoice
 * that was never paid hands nothing back, whatever its amount.
 */
export function creditInvoice(
  invoice: InvoiceRecord,
  amount: number,
  settle: { closedAt: string; reason: string },
  at: Date,
): Reduction & { handedBack: number } {
  const taken = hasOpenBalance(invoice) ? Math.min(amount, invoice.openAmount) : 0;
  const credited = { ...invoice, creditedAmount: creditedOn(invoice) + amount, paidAmount: paidOn(invoice) };
  const handedBack = heldBeyondDue(credited);
  const changes = {
    creditedAmount: credited.creditedAmount,
    paidAmount: credited.paidAmount - handedBack,
    openAmount: invoice.openAmount - taken,
  };
  if (taken === 0 || changes.openAmount > 0) {
    return { invoice: revised(invoice, changes, at), taken, settled: false, handedBack };
  }
  const settled = closed({ ...invoice, ...changes }, { status: 'paid', ...settle, settled: true }, at);
  return { invoice: settled, taken, settled: true, handedBack };
}

/** A cancellation: the invoice is owed nothing, and everything paid on it goes back to the debtor. */
export function cancelInvoice(
  invoice: InvoiceRecord,
  reason: string,
  at: Date,
): { invoice: InvoiceRecord; handedBack: number } {
  // Nothing is owed on a cancelled invoice, costs and interest included.
  const handedBack = paidOn(invoice) + claimPaidOn(invoice);
  const cancelled = closed(
    { ...invoice, paidAmount: 0, ...(invoice.claimPaidAmount ? { claimPaidAmount: 0 } : {}) },
    { status: 'cancelled', closedAt: at.toISOString(), reason, settled: false },
    at,
  );
  return { invoice: cancelled, handedBack };
}

/** The debtor's credits after money that no invoice could take was kept on the account. */
export function creditsWith(debtor: DebtorRecord, currency: string, amount: number): Record<string, number> {
  return { ...debtor.credits, [currency]: (debtor.credits[currency] ?? 0) + amount };
}
