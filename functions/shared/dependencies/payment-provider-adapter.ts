import { mollieApiKeyFrom } from '../../adapters/mollie/mollie-api-key';
import { MolliePaymentProvider } from '../../adapters/mollie/mollie-payment-provider';
import type { PaymentProvider } from '../../ports/payment-provider';
import type { PaymentProviderConfig } from './payment-provider-config';

/** Mollie, with its API key read through Secrets Manager's client where the key has an ARN. */
export function molliePaymentProvider(config: PaymentProviderConfig): PaymentProvider {
  return new MolliePaymentProvider({
    apiKey: mollieApiKeyFrom(config.key),
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
  });
}
