import type { InvoiceData } from '../../api/schemas/webhook-events';
import { formatMoney } from '../../core/money';
import {
  type PaymentReference,
  PaymentReferenceError,
  paymentReferenceForInvoice,
  type PaymentReferenceScheme,
} from '../../core/payments/payment-reference';
import type { InvoiceRecord } from '../../ports/credit-store';
import { conflict, invalid } from '../refusal';
import { applied, type Effect, type IntakeDeps, parked, timelineEntry } from './effect';

/**
 * Stores a new invoice with the structured payment reference that every letter prints, so that
 * a payment by reference finds it. Events that came before the invoice are applied next, and only
 * then is an invoice that arrived overdue dunned: a payment that was waiting for it may settle it.
 */
export async function invoiceCreated(deps: IntakeDeps, data: InvoiceData, at: Date): Promise<Effect> {
  // The same invoice sent again under another delivery id: it is known already.
  if (await deps.store.getInvoice(data.id)) return applied([]);
  if (!(await deps.store.getDebtor(data.debtorId))) return parked({ kind: 'debtor', id: data.debtorId });

  const reference = referenceFor(data.number, deps.referenceScheme);
  const holder = await deps.store.findInvoiceIdByReference(reference.electronic);
  if (holder && holder !== data.id) {
    throw conflict(
      `Invoice number ${data.number} gives payment reference ${reference.printed}, which invoice ${holder} carries already.`,
      'payment_reference_taken',
    );
  }

  const openAmount = data.openAmount ?? data.totalAmount;
  const invoice: InvoiceRecord = {
    id: data.id,
    number: data.number,
    debtorId: data.debtorId,
    currency: data.currency,
    totalAmount: data.totalAmount,
    openAmount,
    issueDate: data.issueDate,
    dueDate: data.dueDate,
    paymentLink: data.paymentLink,
    paymentReference: reference.electronic,
    lines: data.lines,
    // Sent when already paid in full (a cash sale): recorded, never dunned.
    ...(openAmount === 0 ? { status: 'paid', closedAt: at.toISOString() } : { status: 'open' }),
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
        `Invoice ${data.number} received: ${open} open, due ${data.dueDate}, payment reference ${reference.printed}`,
        {
          totalAmount: data.totalAmount,
          openAmount,
          dueDate: data.dueDate,
          paymentReference: reference.electronic,
        },
      ),
    ],
    [
      { kind: 'applyParked', subject: { kind: 'invoice', id: data.id } },
      { kind: 'applyParked', subject: { kind: 'reference', id: reference.electronic } },
      { kind: 'startDunningIfOverdue', invoiceId: data.id },
    ],
  );
}

function referenceFor(invoiceNumber: string, scheme: PaymentReferenceScheme): PaymentReference {
  try {
    return paymentReferenceForInvoice(invoiceNumber, scheme);
  } catch (error) {
    if (error instanceof PaymentReferenceError) {
      throw invalid([{ path: 'data.number', message: error.message }]);
    }
    throw error;
  }
}
