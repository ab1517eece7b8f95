import type { paths } from './schema';

/**
 * The API as the console calls it, typed by the OpenAPI document generated from the route table
 * (schema.d.ts, written by the build): a path, method, query or body the API does not accept is a
 * type error, so a changed route breaks the build. The OpenAPI document describes requests only;
 * what the answers hold is typed in responses.ts.
 */
type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer Op> ? Op : never;
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, unknown> ? P : never;
}[keyof paths];
type Parameters<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: infer Params } ? Params : never;
type PathParams<P extends keyof paths, M extends Method> =
  Parameters<P, M> extends { path: infer Values } ? Values : undefined;
type QueryParams<P extends keyof paths, M extends Method> =
  Parameters<P, M> extends { query?: infer Values } ? Values : undefined;
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : undefined;

export interface RequestParts<P extends keyof paths, M extends Method> {
  path?: PathParams<P, M>;
  query?: QueryParams<P, M>;
  body?: BodyOf<P, M>;
}

/** One problem the API found with a field: `path` as it names it, e.g. `body.instalments.1.amount`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An answer other than 2xx, with the API's code, message and field issues when it gave them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export interface ApiClient {
  call<R, M extends Method, P extends PathOf<M>>(method: M, path: P, parts?: RequestParts<P, M>): Promise<R>;
}

export function createApiClient(base: string, token: () => string, onUnauthorized: () => void): ApiClient {
  return {
    async call(method, template, parts = {}) {
      const path = String(template).replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(String((parts.path as Record<string, unknown> | undefined)?.[name] ?? '')),
      );
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries((parts.query as Record<string, unknown> | undefined) ?? {}))
        if (value !== undefined && value !== '') query.set(name, String(value));
      const url = `${base}${path}${query.size > 0 ? `?${query}` : ''}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: method.toUpperCase(),
          headers: {
            authorization: `Bearer ${token()}`,
            ...(parts.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(parts.body === undefined ? {} : { body: JSON.stringify(parts.body) }),
        });
      } catch {
        throw new ApiError(0, 'network', 'network');
      }
      const text = await response.text();
      const body: unknown =
        text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
      if (response.ok) return body as never;
      if (response.status === 401) onUnauthorized();
      const error = (body as { error?: { code?: string; message?: string; issues?: FieldIssue[] } })?.error;
      throw new ApiError(
        response.status,
        error?.code ?? String(response.status),
        error?.message ?? (body as { message?: string })?.message ?? response.statusText,
        error?.issues ?? [],
      );
    },
  };
}
