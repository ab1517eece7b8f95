import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../../shared/tracing';

/** Where the key lives: Secrets Manager in AWS; the local cloud has none and passes the value. */
export type MollieApiKeySource = { arn: string } | { value: string };

/**
 * Mollie's API key (`test_…` or `live_…`), read once per container rather than per call. A failed
 * read is not kept, so the next call tries again. The key is never logged.
 */
export function mollieApiKeyFrom(source: MollieApiKeySource): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= read(source).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

async function read(source: MollieApiKeySource): Promise<string> {
  if ('value' in source) return source.value;
  const client = traced(new SecretsManagerClient({}));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: source.arn }));
  if (!SecretString?.trim()) throw new Error('the Mollie API key in Secrets Manager holds no string');
  return SecretString.trim();
}
