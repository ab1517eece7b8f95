import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { RouteRequest, RouteSpec } from '../../../functions/api/routes';
import { ConflictError, NotFoundError } from '../../../functions/shared/http/errors';
import { httpHandler, routeHandler } from '../../../functions/shared/http/http-handler';
import { Reply } from '../../../functions/shared/http/reply';
import { logger } from '../../../functions/shared/observability';

// A route that only admins may call, with the request schemas each test gives it.
function writeOffRoute<R extends RouteRequest = Record<never, never>>(request?: R) {
  return {
    method: 'POST',
    path: '/invoices/{id}/write-off',
    handler: 'write-off-invoice',
    auth: { kind: 'jwt', roles: ['admin'] },
    summary: 'Write an invoice off',
    request: (request ?? {}) as R,
  } satisfies RouteSpec;
}

const context = {
  functionName: 'write-off-invoice',
  awsRequestId: 'lambda-request-1',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

interface EventParts {
  groups?: unknown;
  claims?: Record<string, unknown> | null;
  body?: string | null;
  query?: Record<string, string> | null;
  path?: Record<string, string> | null;
}

function apiEvent(parts: EventParts = {}): APIGatewayProxyEvent {
  const claims =
    parts.claims === undefined
      ? { sub: 'user-1', email: 'admin@example.com', 'cognito:groups': parts.groups ?? 'admin' }
      : parts.claims;
  return {
    httpMethod: 'POST',
    path: '/invoices/INV-1/write-off',
    resource: '/invoices/{id}/write-off',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: parts.query === undefined ? null : parts.query,
    multiValueQueryStringParameters: null,
    pathParameters: parts.path === undefined ? { id: 'INV-1' } : parts.path,
    stageVariables: null,
    body: parts.body === undefined ? JSON.stringify({ reason: 'uncollectable' }) : parts.body,
    isBase64Encoded: false,
    requestContext: { requestId: 'api-request-1', authorizer: claims ? { claims } : null },
  } as unknown as APIGatewayProxyEvent;
}

const writeOff = z.object({
  reason: z.enum(['uncollectable', 'settled']),
  data: z.object({ dueDate: z.iso.date(), amountCents: z.number().int() }).optional(),
});

function parsedBody(response: { body: string }) {
  return JSON.parse(response.body);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('httpHandler', () => {
  it('answers 403 to a controller calling a route reserved for admins, without running the use case', async () => {
    const useCase = vi.fn(async () => 'written off');
    const handler = routeHandler(writeOffRoute(), useCase);

    const response = await handler(apiEvent({ groups: 'controller' }), context);

    expect(response.statusCode).toBe(403);
    expect(parsedBody(response).error.code).toBe('forbidden');
    expect(useCase).not.toHaveBeenCalled();
  });

  it.each([
    ['a single group', 'admin'],
    ['a comma-separated list', 'controller,admin'],
    ['a bracketed list with commas', '[controller, admin]'],
    ['a bracketed list with spaces', '[controller admin]'],
    ['an array', ['controller', 'admin']],
  ])('lets an admin through when the groups arrive as %s', async (_format, groups) => {
    const handler = routeHandler(writeOffRoute(), async ({ caller }) => caller.roles);

    const response = await handler(apiEvent({ groups }), context);

    expect(response.statusCode).toBe(200);
    expect(parsedBody(response)).toContain('admin');
  });

  it('does not mistake a group that merely contains a role name for that role', async () => {
    const handler = routeHandler(writeOffRoute(), async () => 'written off');

    const response = await handler(apiEvent({ groups: 'administrators,admin-readonly' }), context);

    expect(response.statusCode).toBe(403);
  });

  it('answers 401 when the event carries no identity', async () => {
    const handler = routeHandler(writeOffRoute(), async () => 'written off');

    const response = await handler(apiEvent({ claims: null }), context);

    expect(response.statusCode).toBe(401);
    expect(parsedBody(response).error.code).toBe('unauthorized');
  });

  it('names every bad field of the body, the query and the path in one 400 reply', async () => {
    const useCase = vi.fn(async () => 'written off');
    const handler = routeHandler(
      writeOffRoute({
        body: writeOff,
        query: z.object({ notify: z.enum(['yes', 'no']) }),
        path: z.object({ id: z.string().startsWith('INV-') }),
      }),
      useCase,
    );
    const body = JSON.stringify({ reason: 'bored', data: { dueDate: '31-12-2025', amountCents: 10.5 } });

    const response = await handler(
      apiEvent({ body, query: { notify: 'maybe' }, path: { id: '42' } }),
      context,
    );

    expect(response.statusCode).toBe(400);
    const { error } = parsedBody(response);
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'reason',
      'data.dueDate',
      'data.amountCents',
      'query.notify',
      'path.id',
    ]);
    expect(error.issues.every((issue: { message: string }) => issue.message.length > 0)).toBe(true);
    expect(useCase).not.toHaveBeenCalled();
  });

  it('answers 400 invalid_json when the body is not JSON', async () => {
    const handler = routeHandler(writeOffRoute({ body: writeOff }), async () => 'written off');

    const response = await handler(apiEvent({ body: '{"reason": "settled",' }), context);

    expect(response.statusCode).toBe(400);
    expect(parsedBody(response).error).toMatchObject({ code: 'invalid_json', issues: [] });
  });

  it('hands the use case the parsed input and the caller, and replies 200 with its result as JSON', async () => {
    const handler = routeHandler(
      writeOffRoute({
        body: writeOff,
        query: z.object({ limit: z.coerce.number().int() }),
        path: z.object({ id: z.string() }),
      }),
      async ({ body, query, path, caller }) => ({
        invoice: path.id,
        reason: body.reason,
        limit: query.limit,
        by: caller.sub,
      }),
    );

    const response = await handler(apiEvent({ query: { limit: '5' } }), context);

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toMatch(/^application\/json/);
    expect(parsedBody(response)).toEqual({
      invoice: 'INV-1',
      reason: 'uncollectable',
      limit: 5,
      by: 'user-1',
    });
  });

  it('replies with the status and headers of a Reply, and 204 when the use case returns nothing', async () => {
    const created = routeHandler(
      writeOffRoute(),
      async () => new Reply(201, { id: 'WO-1' }, { location: '/write-offs/WO-1' }),
    );
    const nothing = routeHandler(writeOffRoute(), async () => undefined);

    const createdResponse = await created(apiEvent(), context);
    const nothingResponse = await nothing(apiEvent(), context);

    expect(createdResponse).toMatchObject({ statusCode: 201, headers: { location: '/write-offs/WO-1' } });
    expect(parsedBody(createdResponse)).toEqual({ id: 'WO-1' });
    expect(nothingResponse).toMatchObject({ statusCode: 204, body: '' });
  });

  it('answers 404 with the message of a NotFoundError', async () => {
    const handler = routeHandler(writeOffRoute(), async () => {
      throw new NotFoundError('Invoice INV-1 does not exist.', 'invoice_not_found');
    });

    const response = await handler(apiEvent(), context);

    expect(response.statusCode).toBe(404);
    expect(parsedBody(response).error).toMatchObject({
      code: 'invoice_not_found',
      message: 'Invoice INV-1 does not exist.',
    });
  });

  it('answers 409 with the code of a ConflictError', async () => {
    const handler = routeHandler(writeOffRoute(), async () => {
      throw new ConflictError('Invoice INV-1 is already paid.', 'invoice_paid');
    });

    const response = await handler(apiEvent(), context);

    expect(response.statusCode).toBe(409);
    expect(parsedBody(response).error.code).toBe('invoice_paid');
  });

  it('answers 500 with the correlation id and none of the internals of an unexpected error, which it logs', async () => {
    const logged = vi.spyOn(logger, 'error');
    const failure = new Error('ConditionalCheckFailed on table credit-control-prod pk=INVOICE#INV-1');
    const handler = routeHandler(writeOffRoute(), async () => {
      throw failure;
    });

    const response = await handler(apiEvent(), context);

    expect(response.statusCode).toBe(500);
    expect(parsedBody(response).error).toMatchObject({
      code: 'internal_error',
      correlationId: 'api-request-1',
    });
    expect(response.body).not.toContain('credit-control-prod');
    expect(response.body).not.toContain('ConditionalCheckFailed');
    expect(logged).toHaveBeenCalledWith(expect.any(String), failure);
  });

  it('refuses to build a handler whose name is not in the route table', () => {
    // @ts-expect-error: the name is checked at compile time too
    expect(() => httpHandler('no-such-handler', async () => 'never')).toThrow(/no-such-handler/);
  });
});
