import { undisputedAmount } from '../../core/disputes/dispute';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import type { CreditStore } from '../../ports/credit-store';
import type { PaymentProvider } from '../../ports/payment-provider';
import type { FieldIssue } from '../refusal';
import { invalid } from '../refusal';
import { type CheckoutMetadata, MAX_METADATA_BYTES, metadataBytes } from './checkout-metadata';
import { invoiceDescription, invoicesDescription } from './payment-descriptions';

export interface CheckoutDeps {
  store: CreditStore;
  provider: PaymentProvider;
  /** POST /webhooks/mollie of this API. */
  webhookUrl: string;
}

export interface CheckoutRequest {
  debtorId: string;
  /** What the debtor chose to pay: per invoice, at most what is asked on it (open, less a disputed part). */
  parts: readonly { invoiceId: string; amount: number }[];
  /** Where the provider sends the debtor back (the self-service page). */
  redirectUrl: string;
  /** The debtor's language, for the description on the provider's page. */
  language: string;
  /** The page's request id: a request sent twice makes one checkout. */
  idempotencyKey?: string;
}

export interface StartedCheckout {
  paymentId: string;
  checkoutUrl: string;
  amount: { amount: number; currency: string };
  expiresAt?: string;
}

/** The provider's checkouts are in euros (see adapters/mollie/mollie-amount.ts). */
const CHECKOUT_CURRENCY = 'EUR';

/**
 * A payment the debtor starts now for the invoices (or parts of them) they chose: checked against
 * what each invoice asks, then made at the provider with metadata naming each invoice, its part
 * and its structured reference, which the webhook books the payment by once it is paid. Nothing
 * is stored: a checkout nobody pays expires at the provider. A bad choice is refused with a 400
 * naming each bad part (`parts.1.amount`).
 */
export async function startCheckout(deps: CheckoutDeps, request: CheckoutRequest): Promise<StartedCheckout> {
  const issues: FieldIssue[] = [];
  if (request.parts.length === 0) issues.push({ path: 'parts', message: 'choose at least one invoice' });
  const seen = new Set<string>();
  const metadata: CheckoutMetadata = { debtorId: request.debtorId, invoices: [] };
  const numbers: string[] = [];
  for (const [index, part] of request.parts.entries()) {
    const at = `parts.${index}`;
    if (seen.has(part.invoiceId)) {
      issues.push({ path: `${at}.invoiceId`, message: 'names an invoice chosen before' });
      continue;
    }
    seen.add(part.invoiceId);
    const invoice = await deps.store.getInvoice(part.invoiceId);
    if (!invoice || invoice.debtorId !== request.debtorId || !hasOpenBalance(invoice)) {
      issues.push({ path: `${at}.invoiceId`, message: 'names no open invoice of this debtor' });
      continue;
    }
    if (invoice.currency !== CHECKOUT_CURRENCY) {
      issues.push({
        path: `${at}.invoiceId`,
        message: `is in ${invoice.currency}; online payment is in euros only`,
      });
      continue;
    }
    const asked = undisputedAmount(invoice);
    if (!Number.isSafeInteger(part.amount) || part.amount < 1 || part.amount > asked) {
      issues.push({ path: `${at}.amount`, message: `must be whole cents from 1 to ${asked}` });
      continue;
    }
    const reference = parsePaymentReference(invoice.paymentReference);
    metadata.invoices.push({
      invoiceId: invoice.id,
      reference: reference.valid ? reference.reference.electronic : invoice.paymentReference,
      amount: part.amount,
    });
    numbers.push(invoice.number);
    if (request.parts.length === 1) numbers.splice(0, 1, invoiceDescription(invoice, request.language));
  }
  if (issues.length === 0 && metadataBytes(metadata) > MAX_METADATA_BYTES) {
    issues.push({
      path: 'parts',
      message: 'names more invoices than one online payment can carry; pay fewer at once',
    });
  }
  if (issues.length > 0) throw invalid(issues, 'The payment cannot be started as chosen.');

  const amount = {
    amount: metadata.invoices.reduce((sum, part) => sum + part.amount, 0),
    currency: CHECKOUT_CURRENCY,
  };
  const checkout = await deps.provider.createCheckout({
    amount,
    description: numbers.length === 1 ? (numbers[0] ?? '') : invoicesDescription(numbers, request.language),
    redirectUrl: request.redirectUrl,
    webhookUrl: deps.webhookUrl,
    metadata,
    ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
  });
  return {
    paymentId: checkout.id,
    checkoutUrl: checkout.checkoutUrl,
    amount,
    ...(checkout.expiresAt ? { expiresAt: checkout.expiresAt } : {}),
  };
}
