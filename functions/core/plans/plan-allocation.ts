import type { Instalment, PlanInvoicePart } from './payment-plan';

/**
 * Money received for a plan fills its instalments in order: the first not paid in full first,
 * each up to its amount. What is more than every instalment still needs is not taken (`taken`
 * is less than `amount`): it belongs on the debtor's account.
 */
export function allocateToInstalments(
  instalments: readonly Instalment[],
  amount: number,
): { instalments: Instalment[]; taken: number; filled: number[] } {
  let remaining = amount;
  const filled: number[] = [];
  const next = instalments.map((instalment) => {
    const missing = instalment.amount - instalment.paidAmount;
    if (remaining === 0 || missing <= 0) return instalment;
    const share = Math.min(missing, remaining);
    remaining -= share;
    filled.push(instalment.number);
    const paidAmount = instalment.paidAmount + share;
    return {
      ...instalment,
      paidAmount,
      status: paidAmount >= instalment.amount ? 'paid' : instalment.status,
    };
  });
  return { instalments: next, taken: amount - remaining, filled };
}

/**
 * The same instalments filled again from nothing with `paid` (after a manager changed them): a
 * partly paid instalment that was replaced passes its money on to the first new one.
 */
export function refillInstalments(
  instalments: readonly Pick<Instalment, 'number' | 'dueDate' | 'amount'>[],
  paid: number,
): Instalment[] {
  const empty = instalments.map((instalment) => ({
    ...instalment,
    paidAmount: 0,
    status: 'open' as const,
  }));
  return allocateToInstalments(empty, paid).instalments;
}

/** What one payment paid of one invoice of the plan. */
export interface InvoiceBooking {
  invoiceId: string;
  costs: number;
  interest: number;
  principal: number;
}

/**
 * Books money of the plan against its invoices, oldest invoice first, and within an invoice
 * first the costs, then the interest, then the principal (art. 6:44 BW); without interest and
 * costs in the plan it is all principal. Only principal lowers what is open on the invoice.
 */
export function bookOnInvoices(
  parts: readonly PlanInvoicePart[],
  amount: number,
): { parts: PlanInvoicePart[]; bookings: InvoiceBooking[]; taken: number } {
  let remaining = amount;
  const bookings: InvoiceBooking[] = [];
  const next = parts.map((part) => {
    if (remaining === 0) return part;
    const take = (owed: number, paid: number) => {
      const share = Math.min(Math.max(0, owed - paid), remaining);
      remaining -= share;
      return share;
    };
    const costs = take(part.costs, part.paid.costs);
    const interest = take(part.interest, part.paid.interest);
    const principal = take(part.principal, part.paid.principal);
    if (costs + interest + principal === 0) return part;
    bookings.push({ invoiceId: part.invoiceId, costs, interest, principal });
    return {
      ...part,
      paid: {
        costs: part.paid.costs + costs,
        interest: part.paid.interest + interest,
        principal: part.paid.principal + principal,
      },
    };
  });
  return { parts: next, bookings, taken: amount - remaining };
}
