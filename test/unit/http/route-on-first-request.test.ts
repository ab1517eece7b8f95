import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { routeOnFirstRequest } from '../../../functions/shared/http/capability-handler';

const event = {} as APIGatewayProxyEvent;
const context = {} as Context;

/** A route's handler that records the middlewares handed to it. */
function recordingRoute() {
  const middlewares: object[] = [];
  const serve = async () => ({ statusCode: 200, body: String(middlewares.length) });
  return Object.assign(serve, {
    middlewares,
    use(middleware: object) {
      middlewares.push(middleware);
      return serve;
    },
  });
}

describe('a route made on its first request', () => {
  it('is made once, however many requests come while it is made', async () => {
    let made = 0;
    const route = routeOnFirstRequest(async () => {
      made += 1;
      return recordingRoute();
    });

    await Promise.all([route(event, context), route(event, context), route(event, context)]);

    expect(made).toBe(1);
  });

  it('hands on the middlewares given before it was made, and those given after', async () => {
    const made = recordingRoute();
    const route = routeOnFirstRequest(async () => made);
    const before = {};
    const after = {};

    route.use?.(before);
    await route(event, context);
    route.use?.(after);

    expect(made.middlewares).toEqual([before, after]);
  });

  it('is made again on the next request when making it failed', async () => {
    let attempts = 0;
    const route = routeOnFirstRequest(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk not read');
      return recordingRoute();
    });

    await expect(route(event, context)).rejects.toThrow('chunk not read');
    await expect(route(event, context)).resolves.toMatchObject({ statusCode: 200 });
  });
});
