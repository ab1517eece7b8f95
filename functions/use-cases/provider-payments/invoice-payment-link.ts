import { createHash } from 'node:crypto';
import type { Invoice } from '../../core/ledger/invoice';
import type { Money } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import type { PaymentProvider } from '../../ports/payment-provider';
import { logger } from '../../shared/observability';
import { retryOnConflict, revised } from '../record-versions';
import { invoiceDescription } from './payment-descriptions';

export interface PaymentLinkDeps {
  store: CreditStore;
  clock: Clock;
  provider: PaymentProvider;
  webhookUrl: string;
  redirectUrl: string;
}

/** The provider's links are in euros (see adapters/mollie/mollie-amount.ts). */
const LINK_CURRENCY = 'EUR';

/**
 * The provider's payment link for what a letter asks on an invoice the invoicing system gave no
 * link for: the one kept on the invoice when it asks that amount, else a new one, kept on the
 * invoice before the letter goes out. The provider is asked under a key made of the invoice and
 * the amount, so a retry after a lost answer or a lost write gets the same link, not a second.
 *
 * A provider that fails leaves the letter without a link (it still carries the reference, the
 * IBAN and the QR code) rather than holding the letter back; the failure is logged.
 */
export async function providerLinkFor(
  deps: PaymentLinkDeps,
  invoice: Pick<Invoice, 'id' | 'number' | 'paymentReference' | 'providerPaymentLink'>,
  asked: Money,
  language: string,
): Promise<string | undefined> {
  if (asked.currency !== LINK_CURRENCY || asked.amount <= 0) return undefined;
  if (invoice.providerPaymentLink?.amount === asked.amount) return invoice.providerPaymentLink.url;
  try {
    const link = await deps.provider.createPaymentLink({
      amount: asked,
      description: invoiceDescription(invoice, language),
      redirectUrl: deps.redirectUrl,
      webhookUrl: deps.webhookUrl,
      idempotencyKey: linkKey(invoice.id, asked.amount),
    });
    return await keepOnInvoice(deps, invoice.id, { id: link.id, url: link.url, amount: asked.amount });
  } catch (error) {
    logger.warn('No payment link from the payment provider: the letter goes without one', {
      invoiceId: invoice.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/** Writes the link on the invoice; one another step kept meanwhile for the same amount wins. */
async function keepOnInvoice(
  deps: PaymentLinkDeps,
  invoiceId: string,
  link: NonNullable<Invoice['providerPaymentLink']>,
): Promise<string> {
  return retryOnConflict(async () => {
    const current = await deps.store.getInvoice(invoiceId);
    if (!current) throw new Error(`invoice ${invoiceId} is gone`);
    if (current.providerPaymentLink?.amount === link.amount) return current.providerPaymentLink.url;
    await deps.store.commit([
      {
        kind: 'putInvoice',
        invoice: revised(current, { providerPaymentLink: link }, deps.clock.now()),
        expectedVersion: current.version,
      },
    ]);
    logger.info('Payment link of the payment provider kept on the invoice', { invoiceId, linkId: link.id });
    return link.url;
  });
}

/** Mollie's idempotency keys are short strings; the invoice id may be long, so it is hashed. */
function linkKey(invoiceId: string, amount: number): string {
  return `payment-link-${createHash('sha256').update(`${invoiceId}\u0000${amount}`).digest('hex').slice(0, 40)}`;
}
