import type { InvoiceData } from '../../api/schemas/webhook-events';
import { formatMoney } from '../../core/money';
import {
  type PaymentReference,
  PaymentReferenceError,
  paymentReferenceForInvoice,
  paymentReferenceFromId,
} from '../../core/payments/payment-reference';
import { ownerStamp } from '../../core/worklist/account-owner';
import type { InvoiceRecord } from '../../ports/credit-store';
import { applied, type Effect, type IntakeDeps, parked, timelineEntry } from './effect';
import { refuseUndunnableCurrency } from './intake-limits';

/**
 * Stores a new invoice with the structured payment reference that every letter prints, so that
 * a payment by reference finds it. Events that came before the invoice are applied next, then
 * credit on the debtor's account pays it, and only then is an invoice that arrived overdue dunned:
 * a payment that was waiting for it, or credit held for the debtor, may settle it.
 */
export async function invoiceCreated(deps: IntakeDeps, data: InvoiceData, at: Date): Promise<Effect> {
  // The same invoice sent again under another delivery id: it is known already.
  if (await deps.store.getInvoice(data.id)) return applied([]);
  const debtor = await deps.store.getDebtor(data.debtorId);
  if (!debtor) return parked({ kind: 'debtor', id: data.debtorId });
  await refuseUndunnableCurrency(deps, debtor, data);

  const { reference, why } = await referenceFor(deps, data);

  const openAmount = data.openAmount ?? data.totalAmount;
  const invoice: InvoiceRecord = {
    id: data.id,
    number: data.number,
    debtorId: data.debtorId,
    currency: data.currency,
    totalAmount: data.totalAmount,
    openAmount,
    // What the invoicing system says is settled already was paid there: the invoice holds it.
    paidAmount: data.totalAmount - openAmount,
    issueDate: data.issueDate,
    dueDate: data.dueDate,
    paymentLink: data.paymentLink,
    ...(data.pdfUrl ? { pdfUrl: data.pdfUrl } : {}),
    paymentReference: reference.electronic,
    lines: data.lines,
    ...(data.vatAmount !== undefined ? { vatAmount: data.vatAmount } : {}),
    // Sent when already paid in full (a cash sale): recorded, never dunned.
    ...(openAmount === 0 ? { status: 'paid', closedAt: at.toISOString() } : { status: 'open' }),
    ...ownerStamp(debtor),
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  const open = formatMoney({ amount: openAmount, currency: data.currency }, 'en');
  return applied(
    [
      { kind: 'putInvoice', invoice, expectedVersion: null },
      { kind: 'putReference', reference: reference.electronic, invoiceId: data.id },
      timelineEntry(
        { invoiceId: data.id },
        at,
        'invoice_received',
        `Invoice ${data.number} received: ${open} open, due ${data.dueDate}, payment reference ${reference.printed}${why ? ` (${why})` : ''}`,
        {
          totalAmount: data.totalAmount,
          openAmount,
          dueDate: data.dueDate,
          paymentReference: reference.electronic,
        },
      ),
    ],
    [
      // The invoice and its reference are written where none was, or the commit fails.
      { kind: 'applyParked', subject: { kind: 'invoice', id: data.id }, stored: true },
      { kind: 'applyParked', subject: { kind: 'reference', id: reference.electronic }, stored: true },
      { kind: 'setOffCredit', debtorId: data.debtorId, currency: data.currency },
      { kind: 'startDunningIfOverdue', invoiceId: data.id, stored: invoice },
    ],
  );
}

/** Enough tries that a free reference is found; more than one is already a one-in-10^15 event. */
const ATTEMPTS = 5;

/**
 * The reference made from the invoice number, or, where the number gives none or one another
 * invoice carries, one made from the invoice id: a valid invoice is never refused because of how
 * references are derived. Two invoices racing for the same reference cannot both get it: the
 * reference is written only where it is free, and the loser's retry reads it taken.
 */
async function referenceFor(
  deps: IntakeDeps,
  data: InvoiceData,
): Promise<{ reference: PaymentReference; why?: string }> {
  const free = async (reference: PaymentReference) => {
    const holder = await deps.store.findInvoiceIdByReference(reference.electronic);
    return holder === undefined || holder === data.id ? undefined : holder;
  };
  let why: string;
  try {
    const fromNumber = paymentReferenceForInvoice(data.number, deps.referenceScheme);
    const holder = await free(fromNumber);
    if (!holder) return { reference: fromNumber };
    why = `made from the invoice id: the number gives ${fromNumber.printed}, which invoice ${holder} carries`;
  } catch (error) {
    if (!(error instanceof PaymentReferenceError)) throw error;
    why = 'made from the invoice id: the number gives no reference';
  }
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const reference = paymentReferenceFromId(data.id, attempt, deps.referenceScheme);
    if (!(await free(reference))) return { reference, why };
  }
  throw new Error(`no free payment reference for invoice ${data.id} after ${ATTEMPTS} attempts`);
}
