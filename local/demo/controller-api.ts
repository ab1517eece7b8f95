import type { LocalIssuer } from '../auth/local-issuer';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export type CallApi = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<ApiAnswer>;

/** Local tokens live an hour of real time; a fresh one well before that keeps a long demo signed in. */
const TOKEN_REFRESH_MS = 30 * 60_000;

/** The controller API as a credit controller's client calls it: over HTTP, with a bearer token. */
export function controllerApi(apiUrl: string, issuer: LocalIssuer): CallApi {
  let token: { value: string; issuedAt: number } | undefined;
  const bearer = async () => {
    if (!token || Date.now() - token.issuedAt > TOKEN_REFRESH_MS) {
      token = { value: await issuer.issueToken({ group: 'controller' }), issuedAt: Date.now() };
    }
    return token.value;
  };
  return async (method, path, body) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await bearer()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}
