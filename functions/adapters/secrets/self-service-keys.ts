import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { signingKey, type SigningKey } from '../../core/self-service/self-service-token';
import type { SelfServiceKeys } from '../../ports/self-service-keys';
import { traced } from '../../shared/tracing';

/** Where the key lives: Secrets Manager in AWS; the local cloud has none and passes the value. */
export type SelfServiceKeySource = { arn: string } | { value: string; previous?: string };

/** How long a container keeps the keys it read: a rotation reaches every container within it. */
const KEEP_MS = 5 * 60_000;

/**
 * The signing key of the debtors' links, from Secrets Manager: AWSCURRENT signs, AWSPREVIOUS
 * still verifies. Read once per container and again after a few minutes; a failed read is not kept.
 */
export function selfServiceKeysFrom(
  source: SelfServiceKeySource,
  now: () => number = Date.now,
): SelfServiceKeys {
  let cached: { at: number; keys: Promise<SigningKey[]> } | undefined;
  const keys = (): Promise<SigningKey[]> => {
    if (!cached || now() - cached.at > KEEP_MS) {
      const read = readKeys(source).catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      cached = { at: now(), keys: read };
    }
    return cached.keys;
  };
  return {
    current: async () => (await keys())[0]!,
    verifying: keys,
  };
}

async function readKeys(source: SelfServiceKeySource): Promise<SigningKey[]> {
  if ('value' in source) {
    return [signingKey(source.value), ...(source.previous ? [signingKey(source.previous)] : [])];
  }
  const client = traced(new SecretsManagerClient({}));
  const read = async (stage: string) => {
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: source.arn, VersionStage: stage }));
      return out.SecretString?.trim();
    } catch (error) {
      // A secret never rotated has no AWSPREVIOUS.
      if (stage === 'AWSPREVIOUS' && error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  };
  const [current, previous] = await Promise.all([read('AWSCURRENT'), read('AWSPREVIOUS')]);
  if (!current) throw new Error('the self-service key in Secrets Manager holds no string');
  return [signingKey(current), ...(previous && previous !== current ? [signingKey(previous)] : [])];
}
