import type { PaymentProvider } from '../../ports/payment-provider';
import { lazyPort } from './lazy-port';
import { paymentProviderConfigFromEnvironment } from './payment-provider-config';

/** The payment provider and where it calls us back: what the use cases that ask for money need. */
export interface ProviderSetup {
  provider: PaymentProvider;
  /** POST /webhooks/mollie of this API, as the provider reaches it. */
  webhookUrl: string;
  /** Where a debtor lands after paying through a letter's link. */
  redirectUrl: string;
  /** This API's public address, ending in a slash: the self-service page's links start with it. */
  publicApiUrl: string;
  /**
   * Where the provider's checkout and what it redirects to (a bank's iDEAL page) may be, as a
   * source of a content security policy: any https address for Mollie itself, the local server's
   * origin where MOLLIE_API_URL points elsewhere.
   */
  checkoutSource: string;
}

/**
 * The payment provider from the environment, or undefined where none is configured (letters then
 * carry only the invoicing system's links). Call at module scope: the variables are checked then.
 * The provider itself (and the client of Secrets Manager that reads its key) is loaded on its
 * first call: every function that has one asks for money on some paths only (a payment link for
 * a letter whose invoice has none, a debtor's "pay now", Mollie's webhook beside the invoicing
 * system's).
 */
export function paymentProviderFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ProviderSetup | undefined {
  const config = paymentProviderConfigFromEnvironment(env);
  if (!config) return undefined;
  return {
    provider: lazyPort(() =>
      import('./payment-provider-adapter').then(({ molliePaymentProvider }) => molliePaymentProvider(config)),
    ),
    webhookUrl: config.webhookUrl,
    redirectUrl: config.redirectUrl,
    publicApiUrl: config.publicApiUrl,
    checkoutSource: config.apiUrl ? new URL(config.apiUrl).origin : 'https:',
  };
}
