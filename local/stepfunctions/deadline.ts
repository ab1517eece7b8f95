import type { VirtualClock } from '../clock/virtual-clock';

/**
 * A time limit on the virtual clock that `restart()` pushes back (a heartbeat). `expired` rejects
 * with the limit's error once virtual time passes it, or with the signal's reason when the task
 * ends first, which releases the clock's sleeper.
 */
export class VirtualDeadline {
  readonly expired: Promise<never>;
  private dueMs: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly ms: number,
    signal: AbortSignal,
    onExpiry: () => Error,
  ) {
    this.dueMs = clock.nowMs() + ms;
    this.expired = this.watch(signal, onExpiry);
  }

  /** Virtual epoch ms at which the limit runs out, unless restarted. */
  get due(): number {
    return this.dueMs;
  }

  restart(): void {
    this.dueMs = this.clock.nowMs() + this.ms;
  }

  private async watch(signal: AbortSignal, onExpiry: () => Error): Promise<never> {
    while (this.clock.nowMs() < this.dueMs) await this.clock.sleepUntil(this.dueMs, signal);
    throw onExpiry();
  }
}
