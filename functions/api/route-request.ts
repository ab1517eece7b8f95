import type * as z from 'zod';

/** What a route accepts; a part without a schema is not read. */
export interface RouteRequest {
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** How the body is encoded: JSON unless the sender posts a form (Mollie's webhook). */
  bodyEncoding?: 'json' | 'form';
}

/**
 * A route's request schemas, loaded and built when first asked for. The route table gives every
 * route's schemas this way, each from its own schema modules through `import()`: a Lambda then
 * builds the schemas of the routes it serves, on its first request, and no other's (building every
 * route's zod schemas at load took about half of a small function's cold start), while the
 * OpenAPI document and the tests still reach every route's. In a bundle, built with code splitting
 * (lib/bundle-options.ts), each `import()` is a chunk of its own that a cold start neither reads nor
 * runs.
 */
export type LazyRequest<R extends RouteRequest = RouteRequest> = () => Promise<R>;

/** `load` runs once, on the first call; every later call gets the same schemas. */
export function lazyRequest<R extends RouteRequest>(load: () => Promise<R>): LazyRequest<R> {
  let loading: Promise<R> | undefined;
  return () => (loading ??= load());
}

/** The schemas a route's `request` gives: declared in place (a test's route) or loaded (the route table's). */
export type RequestSchemas<Q> =
  Q extends LazyRequest<infer R> ? R : Q extends RouteRequest ? Q : Record<never, never>;

/** A route's request schemas, loaded if need be; none when the route reads no request. */
export async function requestSchemasOf<Route extends { request?: RouteRequest | LazyRequest }>(
  route: Route,
): Promise<RequestSchemas<Route['request']>> {
  const { request } = route;
  return (typeof request === 'function' ? await request() : (request ?? {})) as RequestSchemas<
    Route['request']
  >;
}
