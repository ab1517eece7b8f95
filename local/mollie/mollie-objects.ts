import { randomBytes } from 'node:crypto';

/**
 * The objects of Mollie's API v2 as its documentation shows them (docs.mollie.com: Payments API,
 * Payment Links API), with the fields the local server fills; `_links` point at this server.
 */
export interface MollieAmount {
  currency: string;
  value: string;
}

export type PaymentStatus = 'open' | 'canceled' | 'pending' | 'authorized' | 'expired' | 'failed' | 'paid';

export interface StoredPayment {
  id: string;
  createdAt: string;
  status: PaymentStatus;
  amount: MollieAmount;
  description: string;
  redirectUrl?: string;
  webhookUrl?: string;
  metadata: unknown;
  expiresAt: string;
  paidAt?: string;
  canceledAt?: string;
  /** The payment link it was started from, if any. */
  paymentLinkId?: string;
  /** What the last webhook call got back, for people looking at /_local/mollie. */
  webhook?: { status: number | 'unreachable'; at: string };
}

export interface StoredPaymentLink {
  id: string;
  createdAt: string;
  description: string;
  amount: MollieAmount;
  redirectUrl?: string;
  webhookUrl?: string;
  reusable: boolean;
  paidAt?: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Mollie's ids: a prefix (tr_, pl_) and ten letters and digits. */
export function mollieId(prefix: 'tr' | 'pl'): string {
  const bytes = randomBytes(10);
  return `${prefix}_${[...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

const hal = (href: string, type = 'application/hal+json') => ({ href, type });

const DOCS = 'https://docs.mollie.com/reference';

export function paymentResource(payment: StoredPayment, base: string) {
  const open = payment.status === 'open';
  return {
    resource: 'payment',
    id: payment.id,
    mode: 'test',
    createdAt: payment.createdAt,
    status: payment.status,
    isCancelable: open,
    amount: payment.amount,
    ...(payment.status === 'paid'
      ? { amountRefunded: { ...payment.amount, value: '0.00' }, amountRemaining: payment.amount }
      : {}),
    description: payment.description,
    method: payment.status === 'paid' ? 'ideal' : null,
    metadata: payment.metadata ?? null,
    locale: 'nl_NL',
    profileId: 'pfl_local',
    sequenceType: 'oneoff',
    ...(payment.redirectUrl ? { redirectUrl: payment.redirectUrl } : {}),
    ...(payment.webhookUrl ? { webhookUrl: payment.webhookUrl } : {}),
    ...(open ? { expiresAt: payment.expiresAt } : {}),
    ...(payment.paidAt ? { paidAt: payment.paidAt } : {}),
    ...(payment.canceledAt ? { canceledAt: payment.canceledAt } : {}),
    _links: {
      self: hal(`${base}/v2/payments/${payment.id}`),
      // Mollie gives the checkout only while the payment can still be paid.
      ...(open ? { checkout: hal(`${base}/checkout/${payment.id}`, 'text/html') } : {}),
      dashboard: hal(`${base}/_local/mollie`, 'text/html'),
      documentation: hal(`${DOCS}/get-payment`, 'text/html'),
    },
  };
}

export function paymentLinkResource(link: StoredPaymentLink, base: string) {
  return {
    resource: 'payment-link',
    id: link.id,
    mode: 'test',
    description: link.description,
    amount: link.amount,
    archived: false,
    ...(link.redirectUrl ? { redirectUrl: link.redirectUrl } : {}),
    ...(link.webhookUrl ? { webhookUrl: link.webhookUrl } : {}),
    profileId: 'pfl_local',
    createdAt: link.createdAt,
    paidAt: link.paidAt ?? null,
    expiresAt: null,
    reusable: link.reusable,
    sequenceType: 'oneoff',
    _links: {
      self: hal(`${base}/v2/payment-links/${link.id}`),
      paymentLink: hal(`${base}/payment-links/${link.id}`, 'text/html'),
      documentation: hal(`${DOCS}/get-payment-link`, 'text/html'),
    },
  };
}

/** Mollie's error body (application/hal+json, RFC 7807 in spirit). */
export function problem(status: number, title: string, detail: string, field?: string) {
  return {
    status,
    title,
    detail,
    ...(field ? { field } : {}),
    _links: { documentation: hal('https://docs.mollie.com/overview/handling-errors', 'text/html') },
  };
}

/** Mollie's amounts: a currency and a value with the currency's decimals (two for the euro). */
export function isAmount(value: unknown): value is MollieAmount {
  const amount = value as Partial<MollieAmount> | null;
  return (
    typeof amount?.currency === 'string' &&
    /^[A-Z]{3}$/.test(amount.currency) &&
    typeof amount.value === 'string' &&
    /^\d{1,13}\.\d{2}$/.test(amount.value) &&
    Number(amount.value) > 0
  );
}
