import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../../shared/tracing';

/** Where the secret lives: Secrets Manager in AWS; the local cloud has none and passes the value. */
export type WebhookSecretSource = { arn: string } | { value: string };

/**
 * The Standard Webhooks signing secret (`whsec_…`) shared with the invoicing system, read once per
 * container rather than per delivery. A failed read is not kept, so the next delivery tries again.
 */
export function webhookSecretFrom(source: WebhookSecretSource): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= read(source).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

async function read(source: WebhookSecretSource): Promise<string> {
  if ('value' in source) return source.value;
  const client = traced(new SecretsManagerClient({}));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: source.arn }));
  if (!SecretString) throw new Error('the webhook secret in Secrets Manager holds no string');
  return SecretString.trim();
}
