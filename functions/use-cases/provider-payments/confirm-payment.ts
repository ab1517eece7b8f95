import { formatMoney } from '../../core/money';
import { ConcurrentModificationError } from '../../ports/credit-store';
import type { ProviderPayment } from '../../ports/payment-provider';
import { logger } from '../../shared/observability';
import { renderConfirmationEmail } from '../../templates/self-service/confirmation-email';
import type { IntakeDeps } from '../intake/effect';
import { checkoutMetadata } from './checkout-metadata';

/**
 * A payment the debtor made from their self-service page, confirmed to them by email once it is
 * booked: the page's other forms confirm at once, a payment only when the money is in. Sent once
 * per payment, however often the provider's webhook comes: the first delivery to record the
 * confirmation (a conditional put) sends it. A payment made through a letter's payment link names
 * no debtor and gets no email (the invoice simply leaves the next letter).
 */
export async function confirmCheckoutPayment(deps: IntakeDeps, payment: ProviderPayment): Promise<void> {
  const metadata = checkoutMetadata.safeParse(payment.metadata);
  if (!metadata.success || !deps.mailer || !deps.creditor) return;
  const debtor = await deps.store.getDebtor(metadata.data.debtorId);
  if (!debtor?.email) return;
  const invoices = await Promise.all(
    metadata.data.invoices.map(({ invoiceId }) => deps.store.getInvoice(invoiceId)),
  );
  const language = debtor.language === 'nl' ? 'nl' : 'en';
  const id = `mollie-confirmation--${payment.id}`;
  try {
    await deps.store.commit([
      {
        kind: 'recordDelivery',
        delivery: {
          id,
          receivedAt: deps.clock.now().toISOString(),
          statusCode: 200,
          response: { sent: true },
        },
      },
    ]);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) return;
    throw error;
  }
  const email = renderConfirmationEmail({
    language,
    debtorName: debtor.name,
    creditorName: deps.creditor.name,
    subject: 'payment',
    result: {
      outcome: 'payment_received',
      values: {
        amount: formatMoney(payment.amount, language),
        invoices: invoices.flatMap((invoice) => (invoice ? [invoice.number] : [])).join(', '),
      },
    },
  });
  try {
    await deps.mailer.send({ to: debtor.email, ...email, tags: { kind: 'self-service' } });
  } catch (error) {
    // The payment stands and shows on the page; a lost confirmation is logged, not retried.
    logger.warn('Confirmation of a payment not sent', {
      paymentId: payment.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
