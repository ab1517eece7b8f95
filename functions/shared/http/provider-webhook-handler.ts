import { requestSchemasOf } from '../../api/route-request';
import type { PaymentProvider } from '../../ports/payment-provider';
import type { IntakeDeps } from '../../use-cases/intake/effect';
import { receiveProviderPayment } from '../../use-cases/provider-payments/receive-provider-payment';
import { routeAt } from './capability-handler';
import { HttpError } from './errors';
import { proxyHandler } from './http-handler';
import { parseRequest } from './parse-request';

class ProviderNotConfiguredError extends HttpError {
  readonly status = 503;
  constructor() {
    super('provider_not_configured', 'No payment provider is configured here (MOLLIE_API_KEY_ARN).');
  }
}

export interface ProviderWebhookDeps {
  intake: () => IntakeDeps;
  /** Absent where no provider is configured: the route then answers 503, and Mollie retries. */
  provider: PaymentProvider | undefined;
}

/**
 * POST /webhooks/mollie: Mollie posts a payment id (form-encoded) and nothing else, unsigned; the
 * payment is fetched from Mollie and booked when paid (see receive-provider-payment.ts).
 */
export function providerWebhookHandler(deps: ProviderWebhookDeps) {
  const route = routeAt('POST', '/webhooks/mollie');
  return proxyHandler(async (event) => {
    const { body } = parseRequest(event, await requestSchemasOf(route));
    if (!deps.provider) throw new ProviderNotConfiguredError();
    return receiveProviderPayment({ intake: deps.intake(), provider: deps.provider }, body.id);
  });
}
