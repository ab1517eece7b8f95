import * as z from 'zod';
import { optionalVariable, readConfig } from '../config';

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

export type PaymentProviderConfig = NonNullable<z.infer<typeof environment>>;

/** The payment provider's variables, checked at cold start; undefined where none is configured. */
export function paymentProviderConfigFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): PaymentProviderConfig | undefined {
  return readConfig(environment, env);
}
