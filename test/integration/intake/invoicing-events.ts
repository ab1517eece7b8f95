import { randomUUID } from 'node:crypto';

/**
 * Events as the invoicing system sends them. Every builder takes fresh ids by default, so the
 * tests of one file share a table without seeing each other's records.
 */

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Invoice numbers become RF references, so they are unique per test too. */
export function newInvoiceNumber(): string {
  return `F2025-${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function envelope(type: string, data: Record<string, unknown>, timestamp = new Date().toISOString()) {
  return { type, timestamp, data };
}

export function debtorUpserted(data: { id: string } & Record<string, unknown>) {
  return envelope('debtor.upserted', {
    name: 'Bakkerij De Korenschoof B.V.',
    kind: 'business',
    email: 'crediteuren@korenschoof.example',
    language: 'nl',
    ...data,
  });
}

export interface InvoiceFields extends Record<string, unknown> {
  id: string;
  debtorId: string;
  dueDate: string;
}

function invoiceData(data: InvoiceFields) {
  return {
    number: newInvoiceNumber(),
    currency: 'EUR',
    totalAmount: 1_000_00,
    issueDate: '2025-01-31',
    paymentLink: 'https://pay.example/i/abc',
    ...data,
  };
}

export function invoiceCreated(data: InvoiceFields, timestamp?: string) {
  return envelope('invoice.created', invoiceData(data), timestamp);
}

export function invoiceUpdated(data: InvoiceFields, timestamp?: string) {
  return envelope('invoice.updated', invoiceData(data), timestamp);
}

export function invoiceCancelled(id: string) {
  return envelope('invoice.cancelled', { id });
}

export function creditNoteCreated(data: { invoiceId: string; amount: number; id?: string }) {
  return envelope('credit_note.created', { id: newId('cn'), ...data });
}

export type PaymentTarget = { invoiceId: string } | { reference: string } | { debtorId: string };

export function paymentReceived(
  target: PaymentTarget,
  data: { amount: number; id?: string; currency?: string; receivedAt?: string },
) {
  return envelope('payment.received', {
    id: newId('pay'),
    currency: 'EUR',
    receivedAt: '2025-03-10T08:15:00+01:00',
    ...target,
    ...data,
  });
}
