import { FUNCTIONS } from '../../functions/catalogue';
import { importHandler } from '../../local/api/handler-loader';
import { InvocationMeter, type MiddyHandler, type MiddyRequest } from './invocation-meter';

/** One invocation as the memory sweep measured it. */
export interface MeasuredInvocation {
  wallMs: number;
  /** User + system CPU time of the process during the invocation. */
  cpuMs: number;
  /** Growth of the V8 heap in use from start to end, MB (0 when a collection shrank it). */
  heapGrowthMb: number;
  /** No other handler ran while it did: its CPU time is its own. */
  alone: boolean;
}

interface Running {
  started: number;
  cpu: NodeJS.CpuUsage;
  heapUsed: number;
  alone: boolean;
}

const MB = 1024 * 1024;

/**
 * The bench's invocation meter with, per invocation, the process's CPU time, the wall time and the
 * growth of the heap in use, for the memory sweep. The local cloud runs every handler in this one
 * process, so the CPU time of an invocation is its own only when no other handler ran meanwhile:
 * each invocation is marked `alone` or not, and the sweep takes its CPU time from those alone.
 * What the local emulators compute while answering the handler's own calls (SES, SNS, Step
 * Functions; DynamoDB Local is a separate JVM) is counted in, which errs on the side of more CPU.
 */
export class MemoryMeter extends InvocationMeter {
  private readonly measured = new Map<string, MeasuredInvocation[]>();
  private readonly running = new Map<MiddyRequest, Running>();
  private readonly wrapped = new WeakSet<object>();

  /** Functions whose handler only dispatches (no middy chain): measured by replaying their events instead. */
  readonly untimed = new Set<string>();

  override async instrument(): Promise<string[]> {
    const failed = await super.instrument();
    for (const { name } of FUNCTIONS) {
      // The modules the base meter could not import or time are in `failed` already.
      const handler = (await importHandler(name).catch(() => undefined))?.handler as
        Partial<MiddyHandler> | undefined;
      if (handler && typeof handler.use !== 'function') this.untimed.add(name);
      if (!handler || typeof handler.use !== 'function' || this.wrapped.has(handler)) continue;
      this.wrapped.add(handler);
      handler.use({
        before: (request) => this.begin(request),
        after: (request) => this.end(name, request),
        onError: (request) => this.end(name, request),
      });
    }
    return failed;
  }

  private begin(request: MiddyRequest): void {
    const alone = this.running.size === 0;
    // Whoever runs already is no longer alone either.
    for (const other of this.running.values()) other.alone = false;
    this.running.set(request, {
      started: performance.now(),
      cpu: process.cpuUsage(),
      heapUsed: process.memoryUsage().heapUsed,
      alone,
    });
  }

  private end(name: string, request: MiddyRequest): void {
    const run = this.running.get(request);
    if (!run) return;
    this.running.delete(request);
    const cpu = process.cpuUsage(run.cpu);
    const list = this.measured.get(name) ?? [];
    list.push({
      wallMs: performance.now() - run.started,
      cpuMs: (cpu.user + cpu.system) / 1_000,
      heapGrowthMb: Math.max(0, process.memoryUsage().heapUsed - run.heapUsed) / MB,
      alone: run.alone,
    });
    this.measured.set(name, list);
  }

  /**
   * The counts of the functions it times only. The sweep keeps the measures and discards the path
   * figures of the runs it drives; their check that every invocation was timed must not fail on a
   * dispatching handler, which the sweep measures by replaying its events (memory-requests.ts).
   */
  override invocations(): ReadonlyMap<string, number> {
    return new Map([...super.invocations()].filter(([name]) => !this.untimed.has(name)));
  }

  /** An invocation timed by the caller, around `cloud.invoke` with nothing else running. */
  record(name: string, invocation: MeasuredInvocation): void {
    this.measured.set(name, [...(this.measured.get(name) ?? []), invocation]);
  }

  /** Clears the measures with the counts: the warm-up's invocations (first calls, cold clients) are not measured. */
  override reset(): void {
    super.reset();
    this.measured.clear();
  }

  invocationsMeasured(): ReadonlyMap<string, readonly MeasuredInvocation[]> {
    return this.measured;
  }
}

/** Times one call with nothing else running: the process's CPU time during it is the call's own. */
export async function measureAlone(call: () => Promise<unknown>): Promise<MeasuredInvocation> {
  const heapUsed = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await call();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1_000,
    heapGrowthMb: Math.max(0, process.memoryUsage().heapUsed - heapUsed) / MB,
    alone: true,
  };
}
