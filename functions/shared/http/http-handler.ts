import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { type RequestSchemas, requestSchemasOf } from '../../api/route-request';
import { ROUTES, type ApiRoute, type HandlerName, type RouteRequest, type RouteSpec } from '../../api/routes';
import { Refusal } from '../../use-cases/refusal';
import { logger } from '../observability';
import { withPowertools } from '../powertools-chain';
import { addErrorToTrace } from '../tracing';
import { actingAs } from './acting-user';
import { type Caller, readCaller } from './caller';
import { ForbiddenError, HttpError } from './errors';
import { parseRequest } from './parse-request';
import { statusOf, toErrorResult, toProxyResult } from './reply';

/** What one part of a request parses to; `undefined` where the route declares no schema for it. */
type Parsed<R, K extends keyof RouteRequest> = R extends { [P in K]: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;

/** The request as the use case sees it: parsed and checked against the route's schemas. */
export interface HttpRequest<R> {
  body: Parsed<R, 'body'>;
  query: Parsed<R, 'query'>;
  path: Parsed<R, 'path'>;
  caller: Caller;
  /** The raw event, for the rare use case that needs a header. */
  event: APIGatewayProxyEvent;
}

/** The request schemas the route table gives a handler. */
export type RequestOf<H extends HandlerName> =
  Extract<ApiRoute, { handler: H }> extends { request: infer R } ? RequestSchemas<R> : undefined;

/**
 * Wraps a use case as the API Lambda of route `handler` in the route table
 * (`functions/api/routes.ts`): logger context, metrics, tracing, then the caller's role check,
 * parsing with the route's request schemas, the use case, and its JSON reply. The use case
 * returns its result (200), a `Reply` for another status, or nothing (204), and refuses with a
 * `Refusal` or one of the errors of `./errors`.
 */
export function httpHandler<H extends HandlerName>(
  handler: H,
  run: (request: HttpRequest<RequestOf<H>>, context: Context) => Promise<unknown>,
) {
  // The route is looked up by name at run time; RequestOf<H> is its request schemas' type.
  return routeHandler(
    routeOf(handler),
    run as (request: HttpRequest<unknown>, context: Context) => Promise<unknown>,
  );
}

/** `httpHandler` for a route given in full: the route table's, or a test's. */
export function routeHandler<R extends RouteSpec>(
  route: R,
  run: (request: HttpRequest<RequestSchemas<R['request']>>, context: Context) => Promise<unknown>,
) {
  const { auth } = route;
  if (auth.kind !== 'jwt') {
    throw new Error(`Route of "${route.handler}" is authenticated by ${auth.kind}, not by a user's JWT`);
  }
  return proxyHandler(async (event, context) => {
    const caller = readCaller(event);
    if (!caller.roles.some((role) => auth.roles.includes(role))) {
      throw new ForbiddenError(`This action needs one of the roles: ${auth.roles.join(', ')}.`);
    }
    // The route's schemas are built on its first request, after the role check (api/route-request.ts).
    const parsed = parseRequest(event, await requestSchemasOf(route));
    return actingAs(caller, () =>
      run({ ...parsed, caller, event } as HttpRequest<RequestSchemas<R['request']>>, context),
    );
  });
}

/**
 * The part every API Lambda shares, whatever authenticates it: logger context, metrics and
 * tracing; the correlation id; the result as a proxy reply; and every error as the shared error
 * body (an HttpError or a Refusal speaks to the caller, anything else is logged and answered
 * with a 500).
 */
export function proxyHandler(
  serveRequest: (event: APIGatewayProxyEvent, context: Context) => Promise<unknown>,
) {
  const serve = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    // API Gateway's request id is what the caller sees (x-amzn-RequestId), so it joins the two.
    const correlationId = event.requestContext.requestId;
    logger.setCorrelationId(correlationId);
    try {
      return toProxyResult(await serveRequest(event, context));
    } catch (error) {
      if (error instanceof HttpError || error instanceof Refusal) {
        logger.info('Request refused', { status: statusOf(error), code: error.code });
      } else {
        logger.error('Request failed', error as Error);
        addErrorToTrace(error as Error);
      }
      return toErrorResult(error, correlationId);
    }
  };
  return withPowertools(serve, { coldStartMetric: true });
}

/** Fails at module load, i.e. at cold start and in every test, when a handler is not routed. */
export function routeOf(handler: string): RouteSpec {
  const route = (ROUTES as readonly RouteSpec[]).find((candidate) => candidate.handler === handler);
  if (!route) throw new Error(`No route in functions/api/routes.ts has handler "${handler}"`);
  return route;
}
