import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { ROUTES, type Role } from '../../api/routes';
import { Refusal } from '../../use-cases/refusal';
import { logger, metrics, tracer } from '../observability';
import { type Caller, readCaller } from './caller';
import { ForbiddenError, HttpError } from './errors';
import { type ParsedRequest, parseRequest, type RequestSchemas } from './parse-request';
import { statusOf, toErrorResult, toProxyResult } from './reply';

type Schema = z.ZodType | undefined;

export interface HttpHandlerOptions<
  B extends Schema,
  Q extends Schema,
  P extends Schema,
> extends RequestSchemas<B, Q, P> {
  /** The handler's name in ROUTES (`functions/api/routes.ts`); its roles decide who may call. */
  route: string;
}

export interface HttpRequest<B extends Schema, Q extends Schema, P extends Schema> extends ParsedRequest<
  B,
  Q,
  P
> {
  caller: Caller;
  /** The raw event, for the rare use case that needs a header. */
  event: APIGatewayProxyEvent;
}

/**
 * Wraps a use case as an API Lambda: logger context, metrics, tracing, then the caller's role
 * check, parsing, the use case, and its JSON reply. The use case returns its result (200), a
 * `Reply` for another status, or nothing (204), and throws the errors of `./errors` to refuse.
 */
export function httpHandler<
  B extends Schema = undefined,
  Q extends Schema = undefined,
  P extends Schema = undefined,
>(
  options: HttpHandlerOptions<B, Q, P>,
  run: (request: HttpRequest<B, Q, P>, context: Context) => Promise<unknown>,
) {
  const roles = rolesOf(options.route);
  return proxyHandler(async (event, context) => {
    const caller = readCaller(event);
    if (!caller.roles.some((role) => roles.includes(role))) {
      throw new ForbiddenError(`This action needs one of the roles: ${roles.join(', ')}.`);
    }
    const parsed = parseRequest(event, options);
    return run({ ...parsed, caller, event }, context);
  });
}

/**
 * The part every API Lambda shares, whatever authenticates it: logger context, metrics and
 * tracing; the correlation id; the result as a proxy reply; and every error as the shared error
 * body (an HttpError speaks to the caller, anything else is logged and answered with a 500).
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
        tracer.addErrorAsMetadata(error as Error);
      }
      return toErrorResult(error, correlationId);
    }
  };

  return middy(serve)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(captureLambdaHandler(tracer));
}

/** Fails at module load, i.e. at cold start and in every test, when a handler is not routed. */
function rolesOf(handlerName: string): readonly Role[] {
  const route = ROUTES.find((candidate) => candidate.handler === handlerName);
  if (!route) throw new Error(`No route in functions/api/routes.ts has handler "${handlerName}"`);
  if (route.auth.kind !== 'jwt') {
    throw new Error(`Route of "${handlerName}" is authenticated by ${route.auth.kind}, not by a user's JWT`);
  }
  return route.auth.roles;
}
