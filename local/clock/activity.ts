import { setImmediate as nextTurn } from 'node:timers/promises';
import type { VirtualClock } from './virtual-clock';

/** What ends a worker's park: a time on the virtual clock, or something else arriving first. */
export interface Wake {
  /** Virtual epoch ms of the earliest timer that ends the park; undefined when none does. */
  at?: () => number | undefined;
  /** True once the park ends for another reason than time: a task token's answer, an abort. */
  arrived?: () => boolean;
}

/**
 * Something that lives long and mostly waits on the virtual clock: a state-machine execution, a
 * daily schedule. It counts as busy from the moment it exists, except while it is parked on a
 * wake that has not come; so it can never look idle between one park and the next.
 */
export interface Worker {
  /** Awaits `until` parked: idle meanwhile, unless `wake` says that the park is over. */
  park<T>(until: Promise<T>, wake: Wake): Promise<T>;
  /** Sleeps on the virtual clock until `at`, parked; rejects with the signal's reason on abort. */
  sleepUntil(at: number | Date, signal?: AbortSignal): Promise<void>;
  /** The worker is gone and counts no more. Idempotent. */
  end(): void;
}

interface WorkerState {
  what: string;
  parks: Wake[];
}

/** How long `idle()` waits by default, in real time, before it names what is still busy. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * What the local cloud is doing, so that a test can wait until it has nothing left to do instead
 * of sleeping: jobs in flight (a Lambda invocation, an HTTP request) and workers that are not
 * parked on a future time. A worker whose timer is due at or before the virtual now is busy even
 * before its code runs again: moving the clock makes the local cloud busy at once.
 */
export class Activity {
  private readonly jobs = new Map<number, string>();
  private readonly workers = new Set<WorkerState>();
  private nextJob = 0;
  /** Resolved, and dropped, at the next change of what is busy. */
  private changed: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(readonly clock: VirtualClock) {}

  /** Counts one piece of work as busy until the returned function is called. */
  begin(what: string): () => void {
    const id = this.nextJob++;
    this.jobs.set(id, what);
    return () => {
      if (this.jobs.delete(id)) this.notify();
    };
  }

  /** Counts `work` as busy until it settles. */
  async track<T>(what: string, work: () => Promise<T>): Promise<T> {
    const done = this.begin(what);
    try {
      return await work();
    } finally {
      done();
    }
  }

  /**
   * Moves virtual time to `to` as it would pass: from one timer to the next, never past `to`,
   * waiting after each until the local cloud is idle again, so that what a timer sets off (a
   * reminder, a sweep) happens at its own virtual time. The clock must be frozen.
   */
  async advanceTo(to: Date | number, timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
    if (this.clock.daySeconds !== null) throw new Error('advanceTo needs a frozen clock (daySeconds: null)');
    const target = typeof to === 'number' ? to : to.getTime();
    await this.idle(timeoutMs);
    for (let next = this.clock.nextWakeAt(); next !== undefined && next <= target;) {
      this.clock.set(new Date(next));
      await this.idle(timeoutMs);
      next = this.clock.nextWakeAt();
    }
    if (this.clock.nowMs() < target) {
      this.clock.set(new Date(target));
      await this.idle(timeoutMs);
    }
  }

  /** A worker that is busy from now on until it parks or ends. */
  worker(what: string): Worker {
    const state: WorkerState = { what, parks: [] };
    this.workers.add(state);
    const park = async <T>(until: Promise<T>, wake: Wake): Promise<T> => {
      state.parks.push(wake);
      this.notify();
      try {
        return await until;
      } finally {
        state.parks.splice(state.parks.indexOf(wake), 1);
        this.notify();
      }
    };
    return {
      park,
      sleepUntil: (at, signal) => {
        const time = typeof at === 'number' ? at : at.getTime();
        return park(this.clock.sleepUntil(time, signal), {
          at: () => time,
          arrived: () => signal?.aborted === true,
        });
      },
      end: () => {
        if (this.workers.delete(state)) this.notify();
      },
    };
  }

  /** What keeps the local cloud busy now, one phrase each; empty when it is idle. */
  busy(): string[] {
    const now = this.clock.nowMs();
    const parked = (wake: Wake) => {
      if (wake.arrived?.()) return false;
      const at = wake.at?.();
      return at === undefined || at > now;
    };
    return [
      ...this.jobs.values(),
      ...[...this.workers].flatMap(({ what, parks }) =>
        parks.length > 0 && parks.every(parked) ? [] : [what],
      ),
    ];
  }

  /**
   * Resolves once nothing is busy. Throws, naming what is still busy, when that takes longer than
   * `timeoutMs` of real time: a handler that hangs should fail a test, not stall it.
   */
  async idle(timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Lets whatever the last change set off (promise continuations, I/O callbacks) run first.
      await nextTurn();
      const busy = this.busy();
      if (busy.length === 0) return;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`the local cloud is still busy after ${timeoutMs} ms: ${summary(busy)}`);
      }
      await this.nextChange(left);
    }
  }

  private nextChange(maxMs: number): Promise<void> {
    if (!this.changed) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      this.changed = { promise, resolve };
    }
    const { promise } = this.changed;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private notify(): void {
    const changed = this.changed;
    this.changed = undefined;
    changed?.resolve();
  }
}

/** "Lambda send-dunning-letter ×3, execution inv-1-1": counts instead of long repeated lists. */
function summary(busy: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const what of busy) counts.set(what, (counts.get(what) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join(', ');
}
