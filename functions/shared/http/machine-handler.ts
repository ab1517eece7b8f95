import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { type RequestSchemas, requestSchemasOf } from '../../api/route-request';
import type { RouteSpec } from '../../api/routes';
import { ForbiddenError, UnauthorizedError } from './errors';
import { type HttpRequest, proxyHandler } from './http-handler';
import { parseRequest } from './parse-request';

/** The machine that called, as its access token names it. */
export interface MachineClient {
  clientId: string;
  scopes: string[];
}

/**
 * `httpHandler` for a route of a machine's app client (`client-credentials` in the route table):
 * API Gateway has checked the access token and its scope; the handler checks the scope again
 * (the local shim and a misconfigured stage alike), parses the request and runs one use case.
 */
export function machineHandler<R extends RouteSpec>(
  route: R,
  run: (request: MachineRequest<R>, context: Context) => Promise<unknown>,
) {
  const { auth } = route;
  if (auth.kind !== 'client-credentials') {
    throw new Error(`Route ${route.path} is authenticated by ${auth.kind}, not by an app client`);
  }
  return proxyHandler(async (event, context) => {
    const claims: Record<string, unknown> | undefined = event.requestContext.authorizer?.claims;
    const clientId = claims?.client_id;
    if (typeof clientId !== 'string' || clientId === '') throw new UnauthorizedError();
    const scopes = typeof claims?.scope === 'string' ? claims.scope.split(/\s+/) : [];
    if (!scopes.includes(auth.scope)) throw new ForbiddenError(`This action needs the scope ${auth.scope}.`);
    const parsed = parseRequest(event, await requestSchemasOf(route));
    return run({ ...parsed, client: { clientId, scopes }, event } as MachineRequest<R>, context);
  });
}

/** The request as the use case sees it: parsed by the route's schemas, with the calling client. */
export type MachineRequest<R extends RouteSpec> = Omit<
  HttpRequest<RequestSchemas<R['request']>>,
  'caller' | 'event'
> & {
  client: MachineClient;
  event: APIGatewayProxyEvent;
};
