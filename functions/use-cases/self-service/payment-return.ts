import type { ProviderPaymentStatus } from '../../ports/payment-provider';
import type { SubmissionResult } from '../../ports/self-service-records';
import { logger } from '../../shared/observability';
import type { SelfServiceDeps } from './self-service-deps';

/** The outcome of the pay form: the page answers it with a redirect to the provider's checkout. */
export const PAYMENT_STARTED = 'payment_started';

/** What the page says on the debtor's return from the checkout, by the payment's status there. */
const ON_RETURN: Record<ProviderPaymentStatus, string> = {
  paid: 'payment_paid',
  // Authorised (a card) or pending (a bank still confirming): the money is not in yet.
  authorized: 'payment_open',
  pending: 'payment_open',
  // Open: the debtor left the checkout without finishing, or the method takes longer.
  open: 'payment_open',
  canceled: 'payment_canceled',
  expired: 'payment_failed',
  failed: 'payment_failed',
};

/**
 * A started payment as the debtor finds it when the provider brings them back: the page asks the
 * provider for the payment's status (paid, still open, canceled, failed) rather than guessing. A
 * result of another form, one stored without its payment id, or a provider that does not answer
 * is shown as it was recorded ("received or being processed").
 */
export async function paymentOnReturn(
  deps: SelfServiceDeps,
  result: SubmissionResult,
): Promise<SubmissionResult> {
  const paymentId = result.values?.paymentId;
  if (result.outcome !== PAYMENT_STARTED || !paymentId || !deps.payments) return result;
  try {
    const payment = await deps.payments.provider.getPayment(paymentId);
    if (!payment) return result;
    return { outcome: ON_RETURN[payment.status], values: result.values ?? {} };
  } catch (error) {
    logger.warn('Payment provider did not answer for the return page: shown as recorded', {
      paymentId,
      error: error instanceof Error ? error.message : String(error),
    });
    return result;
  }
}
