import type { VirtualClock } from '../clock/virtual-clock';

/**
 * A time limit on the virtual clock that `restart()` pushes back (a heartbeat). `expired` rejects
 * with the limit's error once virtual time passes it, or with the signal's reason when the task
 * ends first, which releases the clock's sleeper.
 */
export class VirtualDeadline {
  readonly expired: Promise<never>;
  private due: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly ms: number,
    signal: AbortSignal,
    onExpiry: () => Error,
  ) {
    this.due = clock.nowMs() + ms;
    this.expired = this.watch(signal, onExpiry);
  }

  restart(): void {
    this.due = this.clock.nowMs() + this.ms;
  }

  private async watch(signal: AbortSignal, onExpiry: () => Error): Promise<never> {
    while (this.clock.nowMs() < this.due) await this.clock.sleepUntil(this.due, signal);
    throw onExpiry();
  }
}
