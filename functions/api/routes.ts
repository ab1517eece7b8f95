/**
 * The API's route table: the one list that both the CDK api construct (API Gateway resources,
 * one Lambda per handler, Cognito authorizer) and the local API shim read, so that the routes,
 * their handlers and who may call them are the same locally and in AWS.
 */
export const ROLES = ['controller', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type RouteAuth =
  /** Cognito user pool JWT; the caller must be in at least one of the groups. */
  | { kind: 'jwt'; roles: readonly Role[] }
  /** Standard Webhooks HMAC signature checked by the handler; no JWT. */
  | { kind: 'webhook-signature' };

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template, e.g. `/invoices/{id}`. */
  path: string;
  /** Lambda entry point: `functions/handlers/<handler>.ts`, exporting `handler`. */
  handler: string;
  auth: RouteAuth;
  summary: string;
}

const everyone: readonly Role[] = ['controller', 'manager', 'admin'];

export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    path: '/me',
    handler: 'get-me',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'Who the caller is and which roles the token carries',
  },
];
