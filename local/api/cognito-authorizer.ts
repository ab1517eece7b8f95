/**
 * What API Gateway's Cognito user pool authorizer does before a JWT route's Lambda runs:
 * take the token from the Authorization header, verify it, and hand the Lambda its claims
 * flattened to strings. A request it refuses never reaches the handler.
 */

export interface TokenVerifier {
  /** The token's claims; rejects when the token is not valid. */
  verifyToken(jwt: string): Promise<Record<string, unknown>>;
  /** An app client's access token (routes with OAuth scopes); rejects when it is not valid. */
  verifyAccessToken?(jwt: string): Promise<Record<string, unknown>>;
}

/**
 * A method with authorization scopes: API Gateway accepts only an access token that carries one
 * of them, and answers 401 otherwise.
 */
export async function authorizeScoped(
  authorization: string | undefined,
  tokens: TokenVerifier,
  scope: string,
): Promise<Record<string, string> | null> {
  const verifyAccess = tokens.verifyAccessToken?.bind(tokens);
  if (!verifyAccess) return null;
  const claims = await authorize(authorization, { verifyToken: verifyAccess });
  return claims?.scope?.split(' ').includes(scope) ? claims : null;
}

/** The claims as `requestContext.authorizer.claims`, or null when API Gateway would answer 401. */
export async function authorize(
  authorization: string | undefined,
  tokens: TokenVerifier,
): Promise<Record<string, string> | null> {
  // The authorizer takes the header's value as the token; a "Bearer " prefix is tolerated.
  const jwt = authorization?.replace(/^Bearer\s+/i, '').trim();
  if (!jwt) return null;
  try {
    return toGatewayClaims(await tokens.verifyToken(jwt));
  } catch {
    return null;
  }
}

const TIME_CLAIMS = new Set(['iat', 'exp', 'auth_time']);

/**
 * API Gateway (REST) passes every claim as a string: lists comma-joined, booleans as "true",
 * and the time claims in Java's Date format ("Tue Mar 21 14:55:51 UTC 2023").
 */
function toGatewayClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (TIME_CLAIMS.has(name) && typeof value === 'number') flat[name] = javaDate(value);
    else if (Array.isArray(value)) flat[name] = value.join(',');
    else if (typeof value === 'object' && value !== null) flat[name] = JSON.stringify(value);
    else flat[name] = String(value);
  }
  return flat;
}

function javaDate(epochSeconds: number): string {
  // toUTCString: "Tue, 21 Mar 2023 14:55:51 GMT"
  const [weekday, day, month, year, time] = new Date(epochSeconds * 1000)
    .toUTCString()
    .replace(',', '')
    .split(' ');
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}
