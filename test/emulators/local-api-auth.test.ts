import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RouteSpec } from '../../functions/api/routes';
import { loadHandlerFromFunctions } from '../../local/api/handler-loader';
import { type LocalApi, startLocalApi } from '../../local/api/local-api';
import { createLocalIssuer, LOCAL_USERS, type LocalIssuer } from '../../local/auth/local-issuer';
import { VirtualClock } from '../../local/clock/virtual-clock';

// GET /me reserved for admins, so that one real handler shows both the authorizer's 401 and
// the handler's own 403. The handler reads its roles from ROUTES, so ROUTES is this table too.
const routes = vi.hoisted((): RouteSpec[] => [
  {
    method: 'GET',
    path: '/me',
    handler: 'get-me',
    auth: { kind: 'jwt', roles: ['admin'] },
    summary: 'Who am I',
  },
]);
vi.mock('../../functions/api/routes', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../functions/api/routes')>()),
  ROUTES: routes,
}));

let api: LocalApi;
let issuer: LocalIssuer;
let ready = true;
const clock = VirtualClock.manual(new Date('2026-03-02T09:00:00Z'));
const invocations: APIGatewayProxyEvent[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  issuer = await createLocalIssuer();
  api = await startLocalApi({
    port: 0,
    routes,
    tokens: issuer,
    ready: () => ready,
    clock,
    log: (line) => logLines.push(line),
    loadHandler: async (name) => {
      const handler = await loadHandlerFromFunctions(name);
      return (event, context) => {
        invocations.push(event);
        return handler(event, context);
      };
    },
  });
});

afterAll(async () => {
  await api.stop();
});

beforeEach(() => {
  invocations.length = 0;
  logLines.length = 0;
});

function getMe(authorization?: string): Promise<Response> {
  return fetch(`${api.url}/me`, { headers: authorization ? { authorization } : {} });
}

async function tokenIssuedHoursAgo(hours: number): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() - hours * 3_600_000);
  try {
    return await issuer.issueToken({ group: 'admin' });
  } finally {
    vi.useRealTimers();
  }
}

describe('the local API shim, as the Cognito authorizer', () => {
  it('answers 401 to a request without a token and never calls the handler', async () => {
    const response = await getMe();

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(invocations).toHaveLength(0);
  });

  it('answers 401 to an expired token', async () => {
    const response = await getMe(`Bearer ${await tokenIssuedHoursAgo(2)}`);

    expect(response.status).toBe(401);
    expect(invocations).toHaveLength(0);
  });

  it('answers 401 to a token signed with another key', async () => {
    const stranger = await createLocalIssuer();

    const response = await getMe(`Bearer ${await stranger.issueToken({ group: 'admin' })}`);

    expect(response.status).toBe(401);
    expect(invocations).toHaveLength(0);
  });

  it('answers 401 to a bearer value that is no token at all', async () => {
    const response = await getMe('Bearer not.a.jwt');

    expect(response.status).toBe(401);
    expect(invocations).toHaveLength(0);
  });

  it("answers 200 with the caller's sub, email, name and roles to a token of the route's group", async () => {
    const response = await getMe(`Bearer ${await issuer.issueToken({ group: 'admin' })}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sub: LOCAL_USERS.admin.sub,
      email: LOCAL_USERS.admin.email,
      name: LOCAL_USERS.admin.name,
      roles: ['admin'],
    });
  });

  it('hands the handler the claims the way API Gateway does, groups as one comma-joined string', async () => {
    await getMe(`Bearer ${await issuer.issueToken({ group: 'admin', sub: 'sub-42' })}`);

    expect(invocations).toHaveLength(1);
    const [event] = invocations;
    expect(event).toMatchObject({
      httpMethod: 'GET',
      path: '/me',
      resource: '/me',
      body: null,
      requestContext: {
        stage: 'local',
        resourcePath: '/me',
        authorizer: { claims: { sub: 'sub-42', 'cognito:groups': 'admin', token_use: 'id' } },
      },
    });
    expect(event?.requestContext.authorizer?.claims.exp).toMatch(
      /^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/,
    );
  });

  it("answers 403 from the handler itself to a valid token of a group without the route's role", async () => {
    const response = await getMe(`Bearer ${await issuer.issueToken({ group: 'controller' })}`);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(invocations).toHaveLength(1);
  });
});

describe('the local API shim, as a local server', () => {
  it('answers /health with ok once ready and 503 before', async () => {
    ready = false;
    const starting = await fetch(`${api.url}/health`);
    ready = true;
    const running = await fetch(`${api.url}/health`);

    expect(starting.status).toBe(503);
    expect(running.status).toBe(200);
    expect(await running.json()).toEqual({ status: 'ok' });
  });

  it('shows the virtual time at /_local/clock', async () => {
    clock.advanceDays(3);

    const response = await fetch(`${api.url}/_local/clock`);

    expect(await response.json()).toEqual({ now: '2026-03-05T09:00:00.000Z', daySeconds: null });
  });

  it('answers 404 for an unknown path and 405 with the allowed methods for a wrong method', async () => {
    const unknown = await fetch(`${api.url}/debtors`);
    const wrongMethod = await fetch(`${api.url}/me`, { method: 'DELETE' });

    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('lets a browser page call it across origins', async () => {
    const preflight = await fetch(`${api.url}/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('logs one line per request with method, path, status and duration, and no query string', async () => {
    await fetch(`${api.url}/health?email=jan.jansen@example.com`);

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^GET \/health 200 \d+ms$/);
  });
});
