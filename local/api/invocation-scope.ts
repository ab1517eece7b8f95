import { AsyncLocalStorage } from 'node:async_hooks';

type InvocationContext = Record<string | symbol, unknown>;

const REQUEST_ID = Symbol.for('_AWS_LAMBDA_REQUEST_ID');
const X_RAY_TRACE_ID = Symbol.for('_AWS_LAMBDA_X_RAY_TRACE_ID');
const TENANT_ID = Symbol.for('_AWS_LAMBDA_TENANT_ID');
const PROTECTED = new Set<string | symbol>([REQUEST_ID, X_RAY_TRACE_ID, TENANT_ID]);

/**
 * The Lambda runtime's InvokeStore as it is where one environment serves several invocations at
 * once (AWS_LAMBDA_MAX_CONCURRENCY set): each invocation's values live in an AsyncLocalStorage
 * context of their own. Powertools reads it from `globalThis.awslambda.InvokeStore` to keep log
 * keys, log level and metrics per invocation. The `@aws/lambda-invoke-store` package would make
 * one too, but the first module to ask for it (the AWS SDK, at import) fixes a single-context
 * store for the whole process; so the local runtime installs this one in its place.
 */
class ConcurrentInvokeStore {
  private readonly storage = new AsyncLocalStorage<InvocationContext>();

  getContext(): InvocationContext | undefined {
    return this.storage.getStore();
  }

  hasContext(): boolean {
    return this.storage.getStore() !== undefined;
  }

  get<T = unknown>(key: string | symbol): T | undefined {
    return this.storage.getStore()?.[key] as T | undefined;
  }

  set<T = unknown>(key: string | symbol, value: T): void {
    if (PROTECTED.has(key)) throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
    const context = this.storage.getStore();
    if (!context) throw new Error('No context available');
    context[key] = value;
  }

  run<T>(context: InvocationContext, fn: () => T): T {
    return this.storage.run(context, fn);
  }

  getRequestId(): string {
    return this.get<string>(REQUEST_ID) ?? '-';
  }

  getXRayTraceId(): string | undefined {
    return this.get<string>(X_RAY_TRACE_ID);
  }

  getTenantId(): string | undefined {
    return this.get<string>(TENANT_ID);
  }
}

/** One store per process, shared by every copy of this module a test runner may load. */
const INSTALLED = Symbol.for('credit-control.local.invoke-store');

function concurrentInvokeStore(): ConcurrentInvokeStore {
  // The runtime's global, as Powertools reads it; its own typings know only the streaming helpers.
  const global = globalThis as unknown as {
    [INSTALLED]?: ConcurrentInvokeStore;
    awslambda?: { InvokeStore?: unknown };
  };
  global[INSTALLED] ??= new ConcurrentInvokeStore();
  global.awslambda ??= {};
  global.awslambda.InvokeStore = global[INSTALLED];
  return global[INSTALLED];
}

/** Runs `invoke` as one invocation, with `requestId`, in a context of its own. */
export function inInvocationScope<T>(requestId: string, invoke: () => Promise<T>): Promise<T> {
  return concurrentInvokeStore().run({ [REQUEST_ID]: requestId }, invoke);
}
