import * as z from 'zod';
import { mollieApiKeyFrom } from '../../adapters/mollie/mollie-api-key';
import { MolliePaymentProvider } from '../../adapters/mollie/mollie-payment-provider';
import type { PaymentProvider } from '../../ports/payment-provider';
import { optionalVariable, readConfig } from '../config';

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

const environment = z
  .object({
    MOLLIE_API_KEY_ARN: optionalVariable(z.string().min(1)),
    // The key itself where there is no Secrets Manager (the local cloud); the stack never sets it.
    MOLLIE_API_KEY: optionalVariable(z.string().regex(/^(test|live)_\w+$/, 'not a Mollie API key')),
    MOLLIE_API_URL: optionalVariable(z.url({ protocol: /^https?$/ })),
    // The API's own address, for the webhook URL the provider calls (the stack sets it).
    PUBLIC_API_URL: optionalVariable(z.url({ protocol: /^https?$/ })),
    PAYMENT_REDIRECT_URL: optionalVariable(z.url({ protocol: /^https?$/ })),
    CREDITOR_WEBSITE: optionalVariable(z.url({ protocol: /^https?$/ })),
  })
  .transform((env, ctx) => {
    const key = env.MOLLIE_API_KEY_ARN
      ? { arn: env.MOLLIE_API_KEY_ARN }
      : env.MOLLIE_API_KEY
        ? { value: env.MOLLIE_API_KEY }
        : undefined;
    if (!key) return undefined;
    if (!env.PUBLIC_API_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_API_URL'], message: 'needed with a Mollie API key' });
      return z.NEVER;
    }
    const api = env.PUBLIC_API_URL.endsWith('/') ? env.PUBLIC_API_URL : `${env.PUBLIC_API_URL}/`;
    return {
      key,
      apiUrl: env.MOLLIE_API_URL,
      publicApiUrl: api,
      webhookUrl: new URL('webhooks/mollie', api).toString(),
      redirectUrl: env.PAYMENT_REDIRECT_URL ?? env.CREDITOR_WEBSITE ?? api,
    };
  });

/**
 * The payment provider from the environment, or undefined where none is configured (letters then
 * carry only the invoicing system's links). Call at module scope.
 */
export function paymentProviderFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ProviderSetup | undefined {
  const config = readConfig(environment, env);
  if (!config) return undefined;
  return {
    provider: new MolliePaymentProvider({
      apiKey: mollieApiKeyFrom(config.key),
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    }),
    webhookUrl: config.webhookUrl,
    redirectUrl: config.redirectUrl,
    publicApiUrl: config.publicApiUrl,
    checkoutSource: config.apiUrl ? new URL(config.apiUrl).origin : 'https:',
  };
}
