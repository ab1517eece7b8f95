import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from '../../../functions/api/openapi';
import { ROUTES, type RouteSpec } from '../../../functions/api/routes';
import { lambdaContext } from '../../../local/api/lambda-context';
import { proxyEvent } from '../../../local/api/proxy-event';
import { COMPLETE_ENVIRONMENT } from '../shared/handler-environment';

interface Operation {
  parameters: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: { 'application/json': { schema: { required?: string[] } } } };
}

const document = await openApiDocument();
const routes: readonly RouteSpec[] = ROUTES;
const jwtRoutes = routes.filter((route) => route.auth.kind === 'jwt');

function operationOf(route: RouteSpec): Operation {
  return document.paths[route.path]?.[route.method.toLowerCase()] as Operation;
}

function pathParameters(route: RouteSpec): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

/** An admin's request to a route, with every path parameter filled in and the given body. */
function requestTo(route: RouteSpec, body: string): APIGatewayProxyEvent {
  const parameters = Object.fromEntries(pathParameters(route).map((name) => [name, 'some-id']));
  return proxyEvent({
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, 'some-id'),
    query: [],
    headers: [['content-type', 'application/json']],
    body,
    resource: route.path,
    pathParameters: parameters,
    claims: { sub: 'admin-1', 'cognito:groups': 'admin,controller,manager' },
    stage: 'test',
    requestId: 'request-1',
    host: 'localhost',
    protocol: 'HTTP/1.1',
    sourceIp: '127.0.0.1',
    userAgent: null,
  });
}

async function answerOf(route: RouteSpec, body: string): Promise<APIGatewayProxyResult> {
  const module = (await import(`../../../functions/handlers/${route.handler}.ts`)) as {
    handler: (event: APIGatewayProxyEvent, context: unknown) => Promise<APIGatewayProxyResult>;
  };
  return module.handler(requestTo(route, body), lambdaContext(route.handler));
}

describe('the OpenAPI document describes the requests the handlers validate', () => {
  beforeEach(() => {
    for (const [name, value] of Object.entries(COMPLETE_ENVIRONMENT)) vi.stubEnv(name, value);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    'names each path parameter of %s',
    (_name, route) => {
      const declared = operationOf(route)
        .parameters.filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      expect(declared).toEqual(pathParameters(route));
    },
  );

  it.each(
    jwtRoutes
      .filter((route) => route.method === 'PUT' || route.method === 'POST')
      .map((route) => [`${route.method} ${route.path}`, route] as const),
  )('documents the body of %s as exactly the fields its handler requires', async (_name, route) => {
    const body = operationOf(route).requestBody?.content['application/json'].schema;
    expect(body, 'the route has no request body in the OpenAPI document').toBeDefined();

    const answer = await answerOf(route, '{}');

    expect(answer.statusCode).toBe(400);
    const { error } = JSON.parse(answer.body) as { error: { code: string; issues: { path: string }[] } };
    expect(error.code).toBe('validation_failed');
    // The path's own form (a proposal id, say) is not the body's: only the body's fields count here.
    const bodyIssues = error.issues.map((issue) => issue.path).filter((path) => !path.startsWith('path.'));
    expect(bodyIssues.sort()).toEqual([...(body?.required ?? [])].sort());
  });

  it('documents a query parameter as its handler reads it: GET /policies/{id}?version=x is refused', async () => {
    const route = routes.find((candidate) => candidate.handler === 'get-policy') as RouteSpec;
    expect(operationOf(route).parameters).toContainEqual(
      expect.objectContaining({ name: 'version', in: 'query', required: false }),
    );
    const event = { ...requestTo(route, ''), queryStringParameters: { version: 'latest' } };
    const module = await import('../../../functions/handlers/get-policy');

    const answer = await module.handler(event, lambdaContext('get-policy'));

    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).error.issues).toEqual([
      expect.objectContaining({ path: 'query.version' }),
    ]);
  });
});

describe('the operations of the OpenAPI document', () => {
  it('every operationId is unique', () => {
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => (operation as { operationId: string }).operationId),
    );
    expect(ids).toHaveLength(routes.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationOf(routes.find((route) => route.path === '/debtors/{id}/payment-plans')!)).toMatchObject({
      operationId: 'postDebtorsByIdPaymentPlans',
      'x-handler': 'create-payment-plan',
    });
  });
});
