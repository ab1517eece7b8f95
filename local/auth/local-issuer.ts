import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { jwtVerify, SignJWT } from 'jose';
import { ORDER_SYSTEM_SCOPE, ROLES, type Role } from '../../functions/api/routes';
import { loadOrCreateSigningKey, SIGNING_ALGORITHM } from './signing-key';

/**
 * The local cloud's stand-in for the Cognito user pool: it signs ID tokens with the claims
 * Cognito puts in them, and the local API shim verifies them as the Cognito authorizer does.
 * Tokens are real-time credentials: they expire by the wall clock, not the virtual one.
 */

/** Where the local cloud and the token CLI keep the shared signing key. */
export const LOCAL_AUTH_DIR = fileURLToPath(new URL('../../.local/auth', import.meta.url));
// Fixed rather than derived from the API's port, so that a token made by the CLI is valid for
// a local cloud on any port.
const LOCAL_ISSUER = 'http://localhost/local-cognito';
const LOCAL_CLIENT_ID = 'credit-control-local';
/** The order system's app client: client-credentials grant, the credit-check scope only. */
const LOCAL_ORDER_SYSTEM_CLIENT = { clientId: 'order-system-local', scopes: [ORDER_SYSTEM_SCOPE] };
const TOKEN_LIFETIME_SECONDS = 3600; // Cognito's default ID token validity

/** One demo user per role, with stable subs so that demo data can assign work to them. */
export const LOCAL_USERS: Record<Role, { sub: string; email: string; name: string }> = {
  controller: {
    sub: '6c1f3a52-0d5e-4c57-9a43-2f0c6e1b7a01',
    email: 'controller@example.com',
    name: 'Carla Jansen',
  },
  manager: {
    sub: '9b2d4e63-1e6f-4d68-8b54-3a1d7f2c8b02',
    email: 'manager@example.com',
    name: 'Mark de Boer',
  },
  admin: { sub: 'a43e5f74-2f70-4e79-9c65-4b2e803d9c03', email: 'admin@example.com', name: 'Anna Visser' },
  special: { sub: 'd5f06a85-3081-4f8a-8d76-5c3f914ead04', email: 'special@example.com', name: 'Sven Bakker' },
};

export interface TokenRequest {
  group: Role;
  sub?: string;
  email?: string;
  name?: string;
}

/** The claims of a Cognito ID token, as far as this system reads them. */
export interface IdTokenClaims {
  sub: string;
  email: string;
  'cognito:groups': string[];
  token_use: 'id';
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

export interface LocalIssuer {
  issueToken(request: TokenRequest): Promise<string>;
  /** An access token of the order system's app client, as Cognito's /oauth2/token gives for the client-credentials grant. */
  issueClientToken(client?: { clientId: string; scopes: readonly string[] }): Promise<string>;
  /** An app client's access token: its claims, or a rejection when it is not valid. */
  verifyAccessToken(jwt: string): Promise<Record<string, unknown>>;
  /** The token's claims; rejects when the signature, issuer, audience, expiry or use is wrong. */
  verifyToken(jwt: string): Promise<IdTokenClaims>;
}

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** An issuer with a key kept in `keyDir` (see LOCAL_AUTH_DIR), or a fresh in-memory key without one. */
export async function createLocalIssuer(options: { keyDir?: string } = {}): Promise<LocalIssuer> {
  const key = await loadOrCreateSigningKey(options.keyDir);

  return {
    async issueToken({ group, sub, email, name }) {
      const user = LOCAL_USERS[group];
      const userSub = sub ?? user.sub;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        email: email ?? user.email,
        email_verified: true,
        // Cognito puts the user's `name` attribute in the ID token; a token for another sub has none of ours.
        ...(name || !sub ? { name: name ?? user.name } : {}),
        'cognito:groups': [group],
        'cognito:username': userSub,
        token_use: 'id',
        auth_time: now,
      })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setSubject(userSub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_CLIENT_ID)
        .setIssuedAt(now)
        .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
        .setJti(randomUUID())
        .sign(key.privateKey);
    },

    async issueClientToken(client = LOCAL_ORDER_SYSTEM_CLIENT) {
      const now = Math.floor(Date.now() / 1000);
      // Cognito's access token of the client-credentials grant: no aud, no groups; sub is the client.
      return new SignJWT({
        token_use: 'access',
        client_id: client.clientId,
        scope: client.scopes.join(' '),
        auth_time: now,
      })
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setSubject(client.clientId)
        .setIssuer(LOCAL_ISSUER)
        .setIssuedAt(now)
        .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
        .setJti(randomUUID())
        .sign(key.privateKey);
    },

    async verifyAccessToken(jwt) {
      const { payload } = await jwtVerify(jwt, key.publicKey, {
        algorithms: [SIGNING_ALGORITHM],
        issuer: LOCAL_ISSUER,
        requiredClaims: ['sub', 'iat', 'exp', 'client_id', 'scope'],
      });
      if (payload.token_use !== 'access') throw new Error('Not an access token');
      return payload;
    },

    async verifyToken(jwt) {
      const { payload } = await jwtVerify(jwt, key.publicKey, {
        algorithms: [SIGNING_ALGORITHM],
        issuer: LOCAL_ISSUER,
        audience: LOCAL_CLIENT_ID,
        requiredClaims: ['sub', 'iat', 'exp'],
      });
      // The Cognito authorizer of a REST API without OAuth scopes accepts ID tokens only.
      if (payload.token_use !== 'id') throw new Error('Not an ID token');
      return payload as IdTokenClaims;
    },
  };
}
