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

/** One service the local cloud depends on: `check` rejects while it cannot serve. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * GET /health: 200 once the local cloud has started and every service it checks answers; 503
 * while it is starting, or naming each service that is down and why, so that a dead DynamoDB
 * Local is not reported as "ok".
 */
export function healthRoute(ready: () => boolean, checks: readonly HealthCheck[] = []): LocalRoute {
  return {
    method: 'GET',
    path: '/health',
    handle: async () => {
      if (!ready()) return { status: 503, body: { status: 'starting' } };
      const results = await Promise.all(
        checks.map(({ name, check }) =>
          check().then(
            () => undefined,
            (error: unknown) => ({ name, problem: error instanceof Error ? error.message : String(error) }),
          ),
        ),
      );
      const down = results.filter((result) => result !== undefined);
      if (down.length === 0) return { status: 200, body: { status: 'ok' } };
      return { status: 503, body: { status: 'down', down: down.map(({ name }) => name), problems: down } };
    },
  };
}

export function clockRoute(clock: LocalClockView): LocalRoute {
  return {
    method: 'GET',
    path: '/_local/clock',
    handle: () => ({ status: 200, body: { now: clock.now().toISOString(), daySeconds: clock.daySeconds } }),
  };
}
