import { FUNCTIONS } from '../../functions/catalogue';
import { importHandler } from '../../local/api/handler-loader';

/** What a meter's middleware keys an invocation by. */
export interface MiddyRequest {
  readonly event: unknown;
}

/** The part of a middy handler the meter uses: middlewares can be added after it was built. */
export interface MiddyHandler {
  use(middleware: {
    before?: (request: MiddyRequest) => void;
    after?: (request: MiddyRequest) => void;
    onError?: (request: MiddyRequest) => void;
  }): unknown;
}

/**
 * Counts Lambda invocations and times them, for the bench's cost figures.
 *
 * Counting uses the local cloud's `onInvoke` (every call of a function by the Step Functions
 * server, the SES events and the sweep) plus the API requests the bench makes itself. Timing has
 * no hook in the local cloud, so the meter adds a middleware to each handler through middy's own
 * `use()`: the handler modules are the ones the local cloud imports (same file, same module), and
 * the middleware only measures. Added last, it times the handler body inside the Powertools
 * middlewares, whose own time is not in the figure.
 */
export class InvocationMeter {
  private readonly invoked = new Map<string, number>();
  private readonly durations = new Map<string, number[]>();
  private readonly started = new WeakMap<MiddyRequest, number>();
  private readonly instrumented = new WeakSet<object>();

  /** For startLocalCloud's `onInvoke`, and for the API requests the bench makes, which it does not see. */
  countInvocation(name: string): void {
    this.invoked.set(name, (this.invoked.get(name) ?? 0) + 1);
  }

  /**
   * Adds the timing middleware to every catalogue handler, once per handler module: the modules
   * the local cloud loads in its environment (a later cloud's environment loads its own). Call it
   * after a local cloud has set the environment. Returns the handlers that could not be imported
   * (they cannot run in the local cloud either) or not timed: an invocation of one shows as counted
   * but not timed.
   */
  async instrument(): Promise<string[]> {
    const failed: string[] = [];
    for (const { name } of FUNCTIONS) {
      const loaded = await importHandler(name).then(
        (module) => module.handler as Partial<MiddyHandler> | undefined,
        (error: unknown) => {
          failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      );
      if (!loaded || this.instrumented.has(loaded)) continue;
      this.instrumented.add(loaded);
      // A handler that only dispatches (scheduled jobs beside routes) has no middleware chain of
      // its own: its invocations are counted but not timed, and the bench says so.
      if (typeof loaded.use !== 'function') {
        failed.push(`${name}: not a middy handler, counted but not timed`);
        continue;
      }
      loaded.use({
        before: (request) => {
          this.started.set(request, performance.now());
        },
        after: (request) => this.finish(name, request),
        onError: (request) => this.finish(name, request),
      });
    }
    return failed;
  }

  private finish(name: string, request: MiddyRequest): void {
    const start = this.started.get(request);
    if (start === undefined) return;
    this.started.delete(request);
    const list = this.durations.get(name) ?? [];
    list.push(performance.now() - start);
    this.durations.set(name, list);
  }

  invocations(): ReadonlyMap<string, number> {
    return this.invoked;
  }

  timings(): ReadonlyMap<string, readonly number[]> {
    return this.durations;
  }

  reset(): void {
    this.invoked.clear();
    this.durations.clear();
  }
}
