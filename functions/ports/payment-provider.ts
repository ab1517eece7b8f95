import type { Money } from '../core/money';

/**
 * A payment provider (Mollie first): debtors pay by iDEAL, card or bank transfer on the
 * provider's page, and the provider tells us through its webhook. Two ways to ask for money:
 *
 * - a **payment link** is long-lived and goes into a letter, one per invoice;
 * - a **checkout** is a payment the debtor starts now (the self-service page's "pay now"); it
 *   expires within minutes to hours, so it is never printed.
 *
 * Amounts are integer cents; the adapter speaks the provider's own notation.
 */
export interface PaymentProvider {
  createPaymentLink(request: PaymentLinkRequest): Promise<ProviderPaymentLink>;
  createCheckout(request: CheckoutRequest): Promise<ProviderCheckout>;
  /** The payment as the provider knows it now; undefined when it knows no payment by that id. */
  getPayment(id: string): Promise<ProviderPayment | undefined>;
}

export interface PaymentLinkRequest {
  amount: Money;
  /** Shown to the debtor and on their bank statement; carries the structured reference. */
  description: string;
  /** Where the debtor lands after paying. */
  redirectUrl: string;
  /** Where the provider reports each payment made through the link. */
  webhookUrl: string;
  /** The same key again gives the same link instead of a second one (the provider keeps it for a while). */
  idempotencyKey: string;
}

export interface ProviderPaymentLink {
  id: string;
  /** The page the debtor opens to pay. */
  url: string;
  amount: Money;
}

export interface CheckoutRequest {
  amount: Money;
  description: string;
  redirectUrl: string;
  webhookUrl: string;
  /** Comes back with the payment: which invoices it pays, and how much of each. */
  metadata: unknown;
  /** Ties a retried request to the checkout the first one made. */
  idempotencyKey?: string;
}

export interface ProviderCheckout {
  id: string;
  /** The provider's payment page for this payment; send the debtor there. */
  checkoutUrl: string;
  expiresAt?: string;
}

/** Mollie's payment statuses; only `paid` means the money is ours. */
export type ProviderPaymentStatus =
  'open' | 'pending' | 'authorized' | 'paid' | 'canceled' | 'expired' | 'failed';

export interface ProviderPayment {
  id: string;
  status: ProviderPaymentStatus;
  amount: Money;
  description: string;
  /** When it was paid (ISO 8601 with an offset); present once `paid`. */
  paidAt?: string;
  /** What the checkout was created with; absent for a payment made through a payment link. */
  metadata?: unknown;
}
