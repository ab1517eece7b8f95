import { InMemoryWebStorage, type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from './config';

/**
 * Sign-in through the user pool's hosted UI (or the local issuer's page): the authorization-code
 * flow with PKCE. Tokens live in memory only: a reload signs in again (silently while the hosted
 * UI's session lasts). Only the PKCE verifier and state of a sign-in under way are in
 * sessionStorage, as they must outlive the redirect.
 */
export interface Session {
  user: User;
  /** The ID token: what the API's Cognito authorizer accepts. */
  token: string;
  sub: string;
  name: string;
  email: string;
  roles: string[];
}

export interface Auth {
  /** The session after a sign-in redirect, or undefined when this page load is not one. */
  completeSignIn(): Promise<Session | undefined>;
  signIn(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
}

export function createAuth(config: ConsoleConfig): Auth {
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri ?? location.href,
    post_logout_redirect_uri: config.postLogoutRedirectUri ?? location.href,
    response_type: 'code',
    scope: config.scope ?? 'openid email profile',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
    // A complete set of endpoints needs no discovery document; a partial one fills its gaps.
    ...(config.metadata?.authorization_endpoint && config.metadata.token_endpoint
      ? { metadata: config.metadata }
      : config.metadata
        ? { metadataSeed: config.metadata }
        : {}),
  });
  let current: User | undefined;

  return {
    async completeSignIn() {
      const query = new URLSearchParams(location.search);
      if (!query.has('state') || !(query.has('code') || query.has('error'))) return undefined;
      const user = (await manager.signinCallback()) ?? undefined;
      const returnTo = typeof user?.state === 'string' ? user.state : '#/';
      // The code and state leave the address bar; the page the user asked for comes back.
      history.replaceState(null, '', `${location.pathname}${returnTo}`);
      if (!user) return undefined;
      current = user;
      return sessionOf(user);
    },
    async signIn(returnTo) {
      await manager.signinRedirect({ state: returnTo });
    },
    async signOut() {
      const user = current;
      current = undefined;
      await manager.removeUser();
      await manager.signoutRedirect({
        ...(user?.id_token ? { id_token_hint: user.id_token } : {}),
        ...(config.signOutParams ? { extraQueryParams: config.signOutParams } : {}),
      });
    },
  };
}

function sessionOf(user: User): Session {
  const profile = user.profile as Record<string, unknown>;
  const groups = profile['cognito:groups'];
  return {
    user,
    token: user.id_token ?? user.access_token,
    sub: user.profile.sub,
    name: typeof profile.name === 'string' ? profile.name : String(profile.email ?? user.profile.sub),
    email: typeof profile.email === 'string' ? profile.email : '',
    roles: Array.isArray(groups) ? groups.map(String) : [],
  };
}
