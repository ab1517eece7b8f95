import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { webhookEvent } from '../../api/schemas/webhook-events';
import type { PaymentProvider, ProviderPayment } from '../../ports/payment-provider';
import { logger, metrics } from '../../shared/observability';
import type { IntakeDeps } from '../intake/effect';
import { receiveDelivery } from '../intake/receive-delivery';
import { checkoutMetadata } from './checkout-metadata';
import { confirmCheckoutPayment } from './confirm-payment';
import { referenceIn } from './payment-descriptions';

export interface ProviderPaymentDeps {
  intake: IntakeDeps;
  provider: PaymentProvider;
}

/** What the webhook answers; the provider only looks at the status (any 2xx ends its retries). */
export type ProviderPaymentAnswer =
  | { status: 'unknown_payment' }
  | { status: 'not_paid'; paymentStatus: string }
  | { status: 'unmatched' }
  | { status: 'booked'; parts: { paymentId: string; answer: unknown }[] };

/** One booking of a provider's payment: what goes on which structured reference. */
interface Part {
  amount: number;
  reference: string;
}

/**
 * The provider's webhook names a payment and nothing else, so nothing it says is trusted: the
 * payment is fetched from the provider. A paid payment is booked through the intake's payment
 * path (every money rule the same as for the invoicing system's payments), per invoice it pays,
 * under a delivery and a payment id made from the provider's payment id: delivered twice, it is
 * booked once. An unpaid payment, and an id the provider does not know, change nothing; both are
 * answered 200, as the provider retries anything else.
 */
export async function receiveProviderPayment(
  deps: ProviderPaymentDeps,
  paymentId: string,
): Promise<ProviderPaymentAnswer> {
  const payment = await deps.provider.getPayment(paymentId);
  if (!payment) {
    logger.warn('Payment provider webhook for a payment it does not know: ignored', { paymentId });
    return { status: 'unknown_payment' };
  }
  if (payment.status !== 'paid') {
    logger.info('Payment provider webhook for a payment not paid (yet): nothing to book', {
      paymentId,
      paymentStatus: payment.status,
    });
    return { status: 'not_paid', paymentStatus: payment.status };
  }
  const parts = partsOf(payment);
  if (parts.length === 0) {
    // Paid, but for nothing this system issued: the money reaches the bank account and the
    // invoicing system's own payment brings it in.
    logger.error('Paid through the payment provider without a structured reference: not booked', {
      paymentId,
    });
    metrics.addMetric('ProviderPaymentsUnmatched', MetricUnit.Count, 1);
    return { status: 'unmatched' };
  }

  const receivedAt = payment.paidAt ?? deps.intake.clock.now().toISOString();
  const booked: { paymentId: string; answer: unknown }[] = [];
  for (const [index, part] of parts.entries()) {
    const id = parts.length === 1 ? `mollie-${payment.id}` : `mollie-${payment.id}-${index + 1}`;
    const event = webhookEvent.parse({
      type: 'payment.received',
      timestamp: receivedAt,
      data: {
        id,
        amount: part.amount,
        currency: payment.amount.currency,
        receivedAt,
        reference: part.reference,
      },
    });
    const reply = await receiveDelivery(deps.intake, { id: `mollie--${id}`, event });
    booked.push({ paymentId: id, answer: reply.body });
  }
  logger.info('Payment through the payment provider booked', { paymentId, parts: parts.length });
  await confirmCheckoutPayment(deps.intake, payment);
  return { status: 'booked', parts: booked };
}

/**
 * A checkout names its invoices and their parts in its metadata (when they add up to what was
 * paid); a payment made through a payment link carries the link's description, which ends with
 * the invoice's structured reference.
 */
function partsOf(payment: ProviderPayment): Part[] {
  if (payment.metadata !== undefined) {
    const parsed = checkoutMetadata.safeParse(payment.metadata);
    const total = parsed.success ? parsed.data.invoices.reduce((sum, part) => sum + part.amount, 0) : 0;
    if (parsed.success && total === payment.amount.amount) {
      return parsed.data.invoices.map(({ amount, reference }) => ({ amount, reference }));
    }
    logger.warn(
      'Payment metadata does not name parts that add up to what was paid: booked by its description',
      {
        paymentId: payment.id,
      },
    );
  }
  const reference = referenceIn(payment.description);
  return reference ? [{ amount: payment.amount.amount, reference }] : [];
}
