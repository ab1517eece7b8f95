import { type SecretSource, secretStringFrom } from '../secrets/secret-string';

export type MollieApiKeySource = SecretSource;

/** Mollie's API key (`test_…` or `live_…`), read once per container rather than per call. */
export function mollieApiKeyFrom(source: MollieApiKeySource): () => Promise<string> {
  return secretStringFrom(source, 'the Mollie API key');
}
