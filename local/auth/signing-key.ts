import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * The local issuer's key pair. Without a directory it lives only in memory (tests). With one,
 * it is kept in `<dir>/signing-key.json`, so that the token CLI and a running local cloud sign
 * and verify with the same key, whichever of them starts first.
 */
export async function loadOrCreateSigningKey(dir?: string): Promise<SigningKey> {
  if (!dir) return fromJwk(await generateJwk());
  const file = join(dir, 'signing-key.json');
  try {
    return fromJwk(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Cannot read the local signing key ${file}; delete it to get a new one`, {
        cause: error,
      });
    }
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: link fails if the file appeared meanwhile, so two
  // processes starting together never end up with different keys or read a half-written file.
  const draft = `${file}.${randomUUID()}`;
  await writeFile(draft, JSON.stringify(await generateJwk()), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  return fromJwk(JSON.parse(await readFile(file, 'utf8')));
}

async function generateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: SIGNING_ALGORITHM, kid: await calculateJwkThumbprint(jwk) };
}

async function fromJwk(jwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicJwk } = jwk;
  if (!jwk.kid || !_private) throw new Error('The signing key file holds no private key');
  return {
    kid: jwk.kid,
    privateKey: (await importJWK(jwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
  };
}
