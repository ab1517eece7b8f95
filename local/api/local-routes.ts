/**
 * Routes that exist only in the local cloud (health, the virtual clock, and whatever the
 * orchestrator adds). They answer JSON, need no token, and never reach a Lambda handler.
 */

export interface LocalRequest {
  pathParameters: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body; empty when there is none. */
  body: string;
}

export interface LocalReply {
  status: number;
  /** Serialised as JSON, unless `contentType` says what it is. */
  body: unknown;
  /** Send `body` as is with this content type (an HTML page). */
  contentType?: string;
}

export interface LocalRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path template like the API's, e.g. `/_local/invoices/{id}/advance`. */
  path: string;
  handle(request: LocalRequest): LocalReply | Promise<LocalReply>;
}

export interface LocalClockView {
  now(): Date;
  /** Real seconds per virtual day; null when time moves only by hand. */
  daySeconds: number | null;
}

export function healthRoute(ready: () => boolean): LocalRoute {
  return {
    method: 'GET',
    path: '/health',
    handle: () =>
      ready() ? { status: 200, body: { status: 'ok' } } : { status: 503, body: { status: 'starting' } },
  };
}

export function clockRoute(clock: LocalClockView): LocalRoute {
  return {
    method: 'GET',
    path: '/_local/clock',
    handle: () => ({ status: 200, body: { now: clock.now().toISOString(), daySeconds: clock.daySeconds } }),
  };
}
