import { type SecretSource, secretStringFrom } from './secret-string';

export type WebhookSecretSource = SecretSource;

/**
 * The Standard Webhooks signing secret (`whsec_…`) shared with the sender (the invoicing system,
 * the collection agency), read once per container rather than per delivery.
 */
export function webhookSecretFrom(source: WebhookSecretSource): () => Promise<string> {
  return secretStringFrom(source, 'the webhook secret');
}
