import { randomUUID } from 'node:crypto';

/**
 * Events as the invoicing system posts them (functions/api/schemas/webhook-events.ts). Each debtor
 * is a business without payment history, so the default policy, business-standard, applies.
 */
export function debtorUpserted(debtorId: string) {
  return {
    type: 'debtor.upserted',
    timestamp: new Date().toISOString(),
    data: {
      id: debtorId,
      name: 'Bakkerij De Korenschoof B.V.',
      kind: 'business',
      email: `${debtorId}@debtor.example`,
      language: 'nl',
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    },
  };
}

export function invoiceCreated(invoiceId: string, debtorId: string, dueDate: string) {
  return {
    type: 'invoice.created',
    timestamp: new Date().toISOString(),
    data: {
      id: invoiceId,
      number: `F2026-${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      debtorId,
      currency: 'EUR',
      totalAmount: 1_250_00,
      issueDate: '2026-01-15',
      dueDate,
      paymentLink: `https://pay.example/i/${invoiceId}`,
    },
  };
}

/** Pays the invoice in full at `receivedAt` (virtual time). */
export function paymentReceived(invoiceId: string, receivedAt: Date) {
  return {
    type: 'payment.received',
    timestamp: new Date().toISOString(),
    data: {
      id: `pay-${randomUUID().slice(0, 12)}`,
      invoiceId,
      amount: 1_250_00,
      currency: 'EUR',
      receivedAt: receivedAt.toISOString(),
    },
  };
}
