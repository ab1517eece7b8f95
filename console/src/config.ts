/**
 * What the console needs to know about where it runs, read from `config.json` next to the app:
 * written by the deployment in AWS (the user pool's hosted UI, the app client, the API) and served
 * by the local cloud locally. Relative URLs are resolved against the page, so one build serves both.
 */
export interface ConsoleConfig {
  /** The OIDC issuer: the Cognito user pool's URL, or the local token issuer. */
  authority: string;
  clientId: string;
  /** Where the hosted UI sends the browser back to; default the app's own address. */
  redirectUri?: string;
  /** Where sign-out lands; default the app's own address. */
  postLogoutRedirectUri?: string;
  scope?: string;
  /** The API's base URL (same origin as the console, or one its CORS allows). */
  apiBase: string;
  /** Endpoints the issuer's discovery document lacks or gets wrong (Cognito has no end_session_endpoint). */
  metadata?: Record<string, string>;
  /** Extra query parameters of the sign-out redirect (Cognito's /logout wants client_id and logout_uri). */
  signOutParams?: Record<string, string>;
}

const absolute = (url: string) => new URL(url, document.baseURI).toString();

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const raw = (await response.json()) as ConsoleConfig;
  const appUrl = absolute('./');
  return {
    ...raw,
    authority: absolute(raw.authority),
    apiBase: absolute(raw.apiBase).replace(/\/$/, ''),
    redirectUri: absolute(raw.redirectUri ?? appUrl),
    postLogoutRedirectUri: absolute(raw.postLogoutRedirectUri ?? appUrl),
    ...(raw.metadata
      ? {
          metadata: Object.fromEntries(
            Object.entries(raw.metadata).map(([key, value]) => [
              key,
              key === 'issuer' ? value : absolute(value),
            ]),
          ),
        }
      : {}),
  };
}
