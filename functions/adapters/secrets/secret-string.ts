import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { traced } from '../../shared/tracing';

/** Where a secret lives: Secrets Manager in AWS; the local cloud has none and passes the value. */
export type SecretSource = { arn: string } | { value: string };

/**
 * A secret string, read once per container rather than per call. A failed read is not kept, so
 * the next call tries again. `what` names the secret in the error of an empty one; the value itself
 * is never logged.
 */
export function secretStringFrom(source: SecretSource, what: string): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= read(source, what).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

async function read(source: SecretSource, what: string): Promise<string> {
  if ('value' in source) return source.value;
  const client = traced(new SecretsManagerClient({}));
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: source.arn }));
  if (!SecretString?.trim()) throw new Error(`${what} in Secrets Manager holds no string`);
  return SecretString.trim();
}
