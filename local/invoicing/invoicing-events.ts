import { randomUUID } from 'node:crypto';
import type {
  DebtorUpsertedData,
  InvoiceData,
  PaymentReceivedData,
} from '../../functions/api/schemas/webhook-events';

/**
 * The events the invoicing system posts to POST /webhooks/invoicing
 * (functions/api/schemas/webhook-events.ts), typed, before they are put in their envelope.
 * `timestamp` is when it happened there.
 */
export type InvoicingEvent = { timestamp?: Date } & (
  | { type: 'debtor.upserted'; data: DebtorUpsertedData }
  | { type: 'invoice.created'; data: InvoiceData }
  | { type: 'payment.received'; data: PaymentReceivedData }
);

/** The envelope the webhook takes: type, when it happened, and the data. */
export interface Envelope {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The builders below fill in what a caller leaves out with a plausible Dutch business debtor and
 * a EUR invoice; every one takes fresh ids by default, so that callers sharing a table do not see
 * each other's records. They are untyped on purpose: tests also send what the webhook must refuse.
 */

function envelope(
  type: string,
  data: Record<string, unknown>,
  timestamp = new Date().toISOString(),
): Envelope {
  return { type, timestamp, data };
}

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Invoice numbers become RF references, so they are unique per caller too. */
export function newInvoiceNumber(prefix = 'F2025'): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export function debtorUpserted(data: { id: string } & Record<string, unknown>): Envelope {
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

export function invoiceCreated(data: InvoiceFields, timestamp?: string): Envelope {
  return envelope('invoice.created', invoiceData(data), timestamp);
}

export function invoiceUpdated(data: InvoiceFields, timestamp?: string): Envelope {
  return envelope('invoice.updated', invoiceData(data), timestamp);
}

export function invoiceCancelled(id: string): Envelope {
  return envelope('invoice.cancelled', { id });
}

export function creditNoteCreated(data: { invoiceId: string; amount: number; id?: string }): Envelope {
  return envelope('credit_note.created', { id: newId('cn'), ...data });
}

export type PaymentTarget = { invoiceId: string } | { reference: string } | { debtorId: string };

export function paymentReceived(
  target: PaymentTarget,
  data: { amount: number; id?: string; currency?: string; receivedAt?: string },
): Envelope {
  return envelope('payment.received', {
    id: newId('pay'),
    currency: 'EUR',
    receivedAt: '2025-03-10T08:15:00+01:00',
    ...target,
    ...data,
  });
}
