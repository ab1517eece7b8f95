import type { Clock } from '../../functions/ports/clock';

const DAY_MS = 86_400_000;
/** Node's setTimeout fires at once beyond 2^31-1 ms; we never arm a real timer longer than this. */
const MAX_REAL_TIMER_MS = 60_000;

interface Sleeper {
  until: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  timer?: NodeJS.Timeout;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export interface VirtualClockOptions {
  /** Virtual time at construction. */
  start: Date;
  /** Real seconds per virtual day; null freezes time so that only advance() moves it (tests). */
  daySeconds: number | null;
}

/**
 * Virtual time for the local cloud: runs `86400 / daySeconds` times faster than real time and
 * can be moved forward by hand. Every wait in the local Step Functions server and every `now()`
 * in the handlers reads this one clock, so the dates in emails match the waits that sent them.
 */
export class VirtualClock implements Clock {
  private anchorReal: number;
  private anchorVirtual: number;
  private rate: number; // virtual ms per real ms; 0 when frozen
  private readonly sleepers = new Set<Sleeper>();

  constructor(options: VirtualClockOptions) {
    this.anchorReal = Date.now();
    this.anchorVirtual = options.start.getTime();
    this.rate = VirtualClock.rateOf(options.daySeconds);
  }

  /** A frozen clock for tests: time moves only through advance() and set(). */
  static manual(start: Date): VirtualClock {
    return new VirtualClock({ start, daySeconds: null });
  }

  private static rateOf(daySeconds: number | null): number {
    if (daySeconds === null) return 0;
    if (!(daySeconds > 0)) throw new Error(`daySeconds must be a positive number, got ${daySeconds}`);
    return DAY_MS / (daySeconds * 1000);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.anchorVirtual + (Date.now() - this.anchorReal) * this.rate;
  }

  /** Real seconds per virtual day, or null when frozen. */
  get daySeconds(): number | null {
    return this.rate === 0 ? null : DAY_MS / this.rate / 1000;
  }

  setSpeed(daySeconds: number | null): void {
    this.reanchor(this.nowMs());
    this.rate = VirtualClock.rateOf(daySeconds);
    this.rearmAll();
  }

  /** Moves virtual time forward; sleepers whose time has come wake at once. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('virtual time never goes backwards');
    this.reanchor(this.nowMs() + ms);
    this.rearmAll();
  }

  advanceDays(days: number): void {
    this.advance(days * DAY_MS);
  }

  /** Sets virtual time to `to` (forward only). */
  set(to: Date): void {
    this.advance(Math.max(0, to.getTime() - this.nowMs()));
  }

  /** Resolves once virtual time has reached `until`; rejects with the signal's reason on abort. */
  sleepUntil(until: Date | number, signal?: AbortSignal): Promise<void> {
    // A Date holds whole milliseconds: a fractional target (a jittered retry pause) would never be
    // reached by `set`, and `advanceTo` would spin on a sleeper that is always due and never wakes.
    const target = Math.ceil(typeof until === 'number' ? until : until.getTime());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.nowMs() >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { until: target, resolve, reject };
      if (signal) {
        sleeper.signal = signal;
        sleeper.onAbort = () => {
          this.release(sleeper);
          reject(signal.reason);
        };
        signal.addEventListener('abort', sleeper.onAbort, { once: true });
      }
      this.sleepers.add(sleeper);
      this.arm(sleeper);
    });
  }

  /** Sleeps for a virtual duration. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleepUntil(this.nowMs() + ms, signal);
  }

  /** The virtual time at which the next sleeper wakes, if any sleeps. */
  nextWakeAt(): number | undefined {
    let next: number | undefined;
    for (const { until } of this.sleepers) if (next === undefined || until < next) next = until;
    return next;
  }

  /** Number of pending sleepers (for diagnostics and tests). */
  get pending(): number {
    return this.sleepers.size;
  }

  /** Cancels every pending sleeper; used at shutdown so no timer keeps the process alive. */
  dispose(): void {
    for (const sleeper of [...this.sleepers]) {
      this.release(sleeper);
      sleeper.reject(new Error('virtual clock disposed'));
    }
  }

  private reanchor(virtualNow: number): void {
    this.anchorReal = Date.now();
    this.anchorVirtual = virtualNow;
  }

  private rearmAll(): void {
    for (const sleeper of [...this.sleepers]) this.arm(sleeper);
  }

  private arm(sleeper: Sleeper): void {
    if (sleeper.timer) clearTimeout(sleeper.timer);
    sleeper.timer = undefined;
    const remainingVirtual = sleeper.until - this.nowMs();
    if (remainingVirtual <= 0) {
      this.release(sleeper);
      sleeper.resolve();
      return;
    }
    if (this.rate === 0) return; // frozen: only advance() can wake it
    const realMs = Math.min(Math.ceil(remainingVirtual / this.rate), MAX_REAL_TIMER_MS);
    sleeper.timer = setTimeout(() => this.arm(sleeper), realMs);
  }

  private release(sleeper: Sleeper): void {
    if (sleeper.timer) clearTimeout(sleeper.timer);
    if (sleeper.signal && sleeper.onAbort) sleeper.signal.removeEventListener('abort', sleeper.onAbort);
    this.sleepers.delete(sleeper);
  }
}
