import { createHash, randomBytes } from 'node:crypto';
import type { LocalRoute } from '../api/local-routes';
import { isRole, LOCAL_USERS, type LocalIssuer } from '../auth/local-issuer';
import { signedOutPage, signInPage, redirectPage } from './sign-in-page';

/**
 * A tiny OpenID provider in front of the local token issuer, so that the console signs in locally
 * as it does in AWS through the Cognito hosted UI: the authorization-code flow with PKCE. The
 * authorize endpoint shows a page that picks a role and a user name; the token endpoint checks the
 * code verifier and answers with an ID token from the local issuer.
 */
const LOCAL_OIDC_PATH = '/_local/oidc';
const CLIENT_ID = 'credit-control-local';
/** The issuer the local issuer signs with; tokens are checked against it, not against this URL. */
const ISSUER = 'http://localhost/local-cognito';
const CODE_LIFETIME_MS = 60_000;

interface Grant {
  challenge: string;
  redirectUri: string;
  group: keyof typeof LOCAL_USERS;
  user: { sub: string; email: string; name: string };
  expires: number;
}

/** The user a name signs in as: the role's demo user for its own name (or none), else one of its own. */
function localUser(group: keyof typeof LOCAL_USERS, name: string) {
  const demo = LOCAL_USERS[group];
  const trimmed = name.trim();
  if (!trimmed || trimmed === demo.name) return demo;
  const slug = trimmed
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return { sub: `local-${slug}`, email: `${slug}@example.com`, name: trimmed };
}

/** What the console's config.json says locally: this provider, the API on the same origin. */
export function localConsoleConfig() {
  return {
    authority: LOCAL_OIDC_PATH,
    clientId: CLIENT_ID,
    apiBase: '/',
    scope: 'openid email profile',
    metadata: {
      issuer: ISSUER,
      authorization_endpoint: `${LOCAL_OIDC_PATH}/authorize`,
      token_endpoint: `${LOCAL_OIDC_PATH}/token`,
      end_session_endpoint: `${LOCAL_OIDC_PATH}/logout`,
    },
  };
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export function localOidcRoutes(issuer: LocalIssuer): LocalRoute[] {
  const grants = new Map<string, Grant>();
  const refuse = (error: string, description: string) => ({
    status: 400,
    body: { error, error_description: description },
  });

  return [
    {
      method: 'GET',
      path: `${LOCAL_OIDC_PATH}/authorize`,
      handle: ({ query }) => {
        const problem = authorizeProblem(query);
        if (problem) return { status: 400, body: problem, contentType: 'text/plain; charset=utf-8' };
        return { status: 200, body: signInPage(query), contentType: 'text/html; charset=utf-8' };
      },
    },
    {
      // The sign-in page's form: the role and name chosen, and the authorization request carried along.
      method: 'GET',
      path: `${LOCAL_OIDC_PATH}/sign-in`,
      handle: ({ query }) => {
        const problem = authorizeProblem(query);
        const group = query.get('role');
        if (problem || !isRole(group))
          return { status: 400, body: problem ?? 'Pick a role.', contentType: 'text/plain; charset=utf-8' };
        const code = base64url(randomBytes(24));
        const now = Date.now();
        for (const [old, grant] of grants) if (grant.expires < now) grants.delete(old);
        grants.set(code, {
          challenge: query.get('code_challenge') ?? '',
          redirectUri: query.get('redirect_uri') ?? '',
          group,
          user: localUser(group, query.get('name') ?? ''),
          expires: now + CODE_LIFETIME_MS,
        });
        const back = new URL(query.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        const state = query.get('state');
        if (state) back.searchParams.set('state', state);
        return { status: 200, body: redirectPage(back.toString()), contentType: 'text/html; charset=utf-8' };
      },
    },
    {
      method: 'POST',
      path: `${LOCAL_OIDC_PATH}/token`,
      handle: async ({ body }) => {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'authorization_code')
          return refuse('unsupported_grant_type', 'Only authorization_code is supported.');
        const code = form.get('code') ?? '';
        const grant = grants.get(code);
        grants.delete(code); // a code is good for one exchange
        if (!grant || grant.expires < Date.now()) return refuse('invalid_grant', 'Unknown or expired code.');
        if (form.get('redirect_uri') !== grant.redirectUri)
          return refuse('invalid_grant', 'redirect_uri differs from the authorization request.');
        const verifier = form.get('code_verifier') ?? '';
        if (base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge)
          return refuse('invalid_grant', 'code_verifier does not match the code_challenge.');
        const idToken = await issuer.issueToken({ group: grant.group, ...grant.user });
        return {
          status: 200,
          body: { id_token: idToken, access_token: idToken, token_type: 'Bearer', expires_in: 3600 },
        };
      },
    },
    {
      method: 'GET',
      path: `${LOCAL_OIDC_PATH}/logout`,
      handle: ({ query }) => ({
        status: 200,
        body: signedOutPage(query.get('post_logout_redirect_uri') ?? undefined),
        contentType: 'text/html; charset=utf-8',
      }),
    },
  ];
}

/** What is wrong with an authorization request, as the hosted UI would refuse it; undefined when nothing. */
function authorizeProblem(query: URLSearchParams): string | undefined {
  if (query.get('response_type') !== 'code') return 'response_type must be code.';
  if (query.get('client_id') !== CLIENT_ID) return `client_id must be ${CLIENT_ID}.`;
  if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge'))
    return 'PKCE is required: code_challenge with code_challenge_method S256.';
  const redirect = query.get('redirect_uri') ?? '';
  if (!/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(redirect))
    return 'redirect_uri must be a local http address.';
  return undefined;
}
