import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { ROUTES, type RouteSpec } from '../../functions/api/routes';
import { close, listen, localUrl } from '../ports';
import { authorize, authorizeScoped, type TokenVerifier } from './cognito-authorizer';
import { type ApiHandler, loadHandlerFromFunctions } from './handler-loader';
import { lambdaContext, runInvocation } from './lambda-context';
import {
  clockRoute,
  type HealthCheck,
  healthRoute,
  type LocalClockView,
  type LocalRoute,
} from './local-routes';
import { toProxyEvent } from './proxy-event';
import { type Match, matchRoute } from './route-matcher';

export interface LocalApiOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** API Gateway stage name in the events. Default "local". */
  stage?: string;
  /** Default: the API's route table, as deployed. */
  routes?: readonly RouteSpec[];
  /** Checks bearer tokens for JWT routes, as the Cognito authorizer does in AWS. */
  tokens: TokenVerifier;
  /** Default: import `functions/handlers/<name>.ts`. Each handler is loaded once. */
  loadHandler?: (name: string) => Promise<ApiHandler>;
  /** Answers GET /health: 200 when true, 503 while the local cloud is still starting. */
  ready?: () => boolean;
  /** Services GET /health checks once ready; one that is down makes it answer 503 naming it. */
  healthChecks?: readonly HealthCheck[];
  /** Shown at GET /_local/clock. */
  clock?: LocalClockView;
  /** More local-only routes, added by the orchestrator. */
  extraRoutes?: readonly LocalRoute[];
  /** Told of each request as it arrives; the returned function is called once it is answered. */
  onRequest?: (what: string) => () => void;
  /** Receives one line per request and handler failures. Default console.log. */
  log?: (line: string) => void;
}

export interface LocalApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// Any local page (a demo UI, Swagger UI) may call the API; the token is the protection.
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
  'access-control-allow-headers': 'authorization,content-type,webhook-id,webhook-signature,webhook-timestamp',
  'access-control-expose-headers': 'x-amzn-requestid',
  'access-control-max-age': '600',
};

/** API Gateway refuses a request body over 10 MB (REST APIs) before any authorizer or Lambda runs. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

interface Outcome {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

/**
 * API Gateway for the local cloud: turns each HTTP request into the REST proxy event the
 * deployed API would send, to the same handler, after the same Cognito check.
 *
 * One deliberate difference: API Gateway answers an unknown path or method with 403 "Missing
 * Authentication Token"; here an unknown path is a 404 and a wrong method a 405, which tell a
 * developer what is actually wrong.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const stage = options.stage ?? 'local';
  const routes = options.routes ?? ROUTES;
  const log = options.log ?? console.log;
  const localRoutes: LocalRoute[] = [
    healthRoute(options.ready ?? (() => true), options.healthChecks),
    ...(options.clock ? [clockRoute(options.clock)] : []),
    ...(options.extraRoutes ?? []),
  ];
  const handlers = new HandlerCache(options.loadHandler ?? loadHandlerFromFunctions);

  const serve = async (request: IncomingMessage, requestId: string): Promise<Outcome> => {
    const method = request.method ?? 'GET';
    // Concatenated, not resolved against a base: a request for "//x" is the path "//x", not host x.
    const url = new URL(`http://localhost${request.url ?? '/'}`);
    if (method === 'OPTIONS') return { status: 204, headers: {}, body: '' };
    const body = await readBody(request);
    if (body === undefined) return json(413, { message: 'Request Too Long' }, { connection: 'close' });

    const local = matchRoute(localRoutes, method, url.pathname);
    if (local.kind === 'found') {
      const reply = await local.target.handle({
        pathParameters: local.pathParameters,
        query: url.searchParams,
        body,
      });
      return reply.contentType
        ? {
            status: reply.status,
            headers: { 'content-type': reply.contentType },
            body: Buffer.isBuffer(reply.body) ? reply.body : String(reply.body),
          }
        : json(reply.status, reply.body);
    }
    const api = matchRoute(routes, method, url.pathname);
    if (api.kind !== 'found') return notRouted(method, url.pathname, [local, api]);

    const route = api.target;
    let claims: Record<string, string> | undefined;
    if (route.auth.kind === 'jwt') {
      const verified = await authorize(request.headers.authorization, options.tokens);
      if (!verified) {
        return json(401, { message: 'Unauthorized' }, { 'x-amzn-errortype': 'UnauthorizedException' });
      }
      claims = verified;
    } else if (route.auth.kind === 'client-credentials') {
      const verified = await authorizeScoped(request.headers.authorization, options.tokens, route.auth.scope);
      if (!verified) {
        return json(401, { message: 'Unauthorized' }, { 'x-amzn-errortype': 'UnauthorizedException' });
      }
      claims = verified;
    }

    const event = toProxyEvent({
      request,
      url,
      body,
      resource: route.path,
      pathParameters: api.pathParameters,
      claims,
      stage,
      requestId,
    });
    try {
      const handler = await handlers.get(route.handler);
      const context = lambdaContext(route.handler);
      return fromProxyResult(await runInvocation(context, () => handler(event, context)));
    } catch (error) {
      // In AWS a Lambda that throws or returns garbage makes API Gateway answer 502.
      log(`handler ${route.handler} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return json(502, { message: 'Internal server error' });
    }
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    const requestId = randomUUID();
    const path = (request.url ?? '/').split('?')[0];
    const answered = options.onRequest?.(`${request.method} ${path}`);
    serve(request, requestId)
      .catch((error: unknown) => {
        log(`local api failed on ${request.method} ${path}: ${error instanceof Error ? error.stack : error}`);
        return json(500, { message: 'Local API failure' });
      })
      .then((outcome) => {
        write(response, outcome, requestId);
        // Path only: query strings and bodies can carry personal data.
        log(`${request.method} ${path} ${outcome.status} ${Math.round(performance.now() - started)}ms`);
      })
      .finally(answered);
  });

  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 3000, host);
  return { url: localUrl(host, port), port, stop: () => close(server) };
}

/** Loads each handler once, as a warm Lambda would keep its module; a failed load is retried. */
class HandlerCache {
  private readonly loaded = new Map<string, Promise<ApiHandler>>();

  constructor(private readonly load: (name: string) => Promise<ApiHandler>) {}

  get(name: string): Promise<ApiHandler> {
    let handler = this.loaded.get(name);
    if (!handler) {
      handler = this.load(name);
      handler.catch(() => this.loaded.delete(name));
      this.loaded.set(name, handler);
    }
    return handler;
  }
}

function notRouted(method: string, path: string, matches: Match<unknown>[]): Outcome {
  const allowed = matches.flatMap((match) => (match.kind === 'wrong-method' ? match.allowed : []));
  if (allowed.length === 0) return json(404, { message: `No route for ${method} ${path}` });
  return json(405, { message: `${method} is not allowed on ${path}` }, { allow: allowed.join(', ') });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Outcome {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function fromProxyResult(result: APIGatewayProxyResult | undefined): Outcome {
  if (!result || typeof result.statusCode !== 'number')
    throw new Error('The handler returned no proxy result');
  const headers: Outcome['headers'] = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name] = values.map(String);
  return {
    status: result.statusCode,
    headers,
    body: result.isBase64Encoded ? Buffer.from(result.body, 'base64') : (result.body ?? ''),
  };
}

function write(response: ServerResponse, outcome: Outcome, requestId: string): void {
  response.writeHead(outcome.status, {
    ...CORS_HEADERS,
    'x-amzn-requestid': requestId,
    ...outcome.headers,
  });
  response.end(outcome.body);
}

/**
 * The request body, or undefined when it is over MAX_BODY_BYTES. A body that says it is too long
 * is not read at all; one that turns out too long is read to its end without being kept, so that
 * the client, still sending, receives the 413.
 */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    request.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return bytes > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
