import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type ApiRoute, ROUTES, type RouteSpec } from '../../api/routes';

/** The route of the route table with this method and path template, typed as declared there. */
export function routeAt<M extends ApiRoute['method'], P extends ApiRoute['path']>(
  method: M,
  path: P,
): Extract<ApiRoute, { method: M; path: P }> {
  const route = (ROUTES as readonly RouteSpec[]).find(
    (candidate) => candidate.method === method && candidate.path === path,
  );
  if (!route) throw new Error(`No route ${method} ${path} in functions/api/routes.ts`);
  return route as Extract<ApiRoute, { method: M; path: P }>;
}

type Serve = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A middy middleware, as far as this file passes it on. */
type Middleware = object;
type Usable = Serve & { use?: (middleware: Middleware) => unknown };

/**
 * One Lambda for several routes of one capability (the routes that share its `handler` name in the
 * route table), each served by its own `routeHandler`, so each keeps its own roles and schemas.
 * API Gateway names the route in `httpMethod` and `resource` (the path template). Every Lambda
 * costs the stack about seven resources (function, role, policy, log group, permission, alarms),
 * and a CloudFormation stack holds at most 500.
 */
export function capabilityHandler(routes: readonly (readonly [RouteSpec, Usable])[]): Serve {
  const byRoute = new Map(routes.map(([route, serve]) => [`${route.method} ${route.path}`, serve]));
  const handler = async (event: APIGatewayProxyEvent, context: Context) => {
    const serve = byRoute.get(`${event.httpMethod} ${event.resource}`);
    if (!serve) throw new Error(`This function serves no route ${event.httpMethod} ${event.resource}`);
    return serve(event, context);
  };
  // As middy's `use`, handed to every route's handler: what measures a function's invocations
  // (the bench's timing) sees each route, whichever one a request takes.
  return Object.assign(handler, {
    use(middleware: Middleware) {
      for (const [, serve] of routes) serve.use?.(middleware);
      return handler;
    },
  });
}
