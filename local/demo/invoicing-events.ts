import type {
  DebtorUpsertedData,
  InvoiceData,
  PaymentReceivedData,
} from '../../functions/api/schemas/webhook-events';

/**
 * The events the demo plays as the invoicing system, as POST /webhooks/invoicing takes them.
 * `timestamp` is when it happened there: a payment's own moment, or else the virtual now.
 */
export type InvoicingEvent = { timestamp?: Date } & (
  | { type: 'debtor.upserted'; data: DebtorUpsertedData }
  | { type: 'invoice.created'; data: InvoiceData }
  | { type: 'payment.received'; data: PaymentReceivedData }
);
