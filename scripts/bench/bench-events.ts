import {
  debtorUpserted,
  type Envelope,
  invoiceCreated,
  newInvoiceNumber,
  paymentReceived,
} from '../../local/invoicing/invoicing-events';

/**
 * The bench's events. Each debtor is a business without payment history, so the default policy,
 * business-standard, applies; it has an account manager, so that the escalation step has someone
 * to tell.
 */
export function benchDebtor(debtorId: string): Envelope {
  return debtorUpserted({
    id: debtorId,
    email: `${debtorId}@debtor.example`,
    accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
  });
}

export function benchInvoice(invoiceId: string, debtorId: string, dueDate: string): Envelope {
  return invoiceCreated({
    id: invoiceId,
    number: newInvoiceNumber('F2026'),
    debtorId,
    totalAmount: 1_250_00,
    issueDate: '2026-01-15',
    dueDate,
    paymentLink: `https://pay.example/i/${invoiceId}`,
  });
}

/** Pays the invoice in full at `receivedAt` (virtual time). */
export function benchPayment(invoiceId: string, receivedAt: Date): Envelope {
  return paymentReceived({ invoiceId }, { amount: 1_250_00, receivedAt: receivedAt.toISOString() });
}
