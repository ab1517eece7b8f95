import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ROLES, type Role } from '../../api/routes';
import { UnauthorizedError } from './errors';

/** Who is calling, as the Cognito authorizer vouched for them. */
export interface Caller {
  sub: string;
  email: string | null;
  /** The person's name (the token's `name`, or given and family name), where the token has one. */
  name: string | null;
  roles: Role[];
}

/**
 * Reads the caller from the claims the Cognito authorizer put on a REST proxy event. API
 * Gateway flattens every claim to a string, so `cognito:groups` arrives as "admin",
 * "admin,controller" or "[admin controller]" depending on the path it took; an array is
 * accepted too, for events built by hand.
 */
export function readCaller(event: APIGatewayProxyEvent): Caller {
  const claims: Record<string, unknown> | undefined = event.requestContext.authorizer?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  const email = typeof claims?.email === 'string' && claims.email !== '' ? claims.email : null;
  return { sub, email, name: nameOf(claims ?? {}), roles: parseGroups(claims?.['cognito:groups']) };
}

function nameOf(claims: Record<string, unknown>): string | null {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const full =
    text(claims.name) ?? [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return full || null;
}

/** The caller's groups that are roles of this system; other Cognito groups are ignored. */
function parseGroups(groups: unknown): Role[] {
  const names = Array.isArray(groups)
    ? groups.map(String)
    : typeof groups === 'string'
      ? // Role names hold neither whitespace (Cognito forbids it) nor commas: both are safe separators.
        groups.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return ROLES.filter((role) => names.includes(role));
}
