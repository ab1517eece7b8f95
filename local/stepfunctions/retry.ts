/** A Retry entry of a Task state, as the ASL defines it. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'NONE' | 'FULL';
}

/**
 * The Retry field of one Task state, for one visit of that state: AWS's matching rules and
 * backoff, whose pauses the caller sleeps on the virtual clock.
 */
export class RetryPolicy {
  private readonly attempts: number[];

  constructor(private readonly retriers: readonly Retrier[]) {
    this.attempts = retriers.map(() => 0);
  }

  /** Milliseconds of virtual time to pause before the next attempt, or undefined to give up. */
  delayAfter(error: unknown): number | undefined {
    if ((error as { isRetryable?: boolean }).isRetryable === false) return undefined;
    const name = error instanceof Error ? error.name : '';
    const index = this.retriers.findIndex((retrier) =>
      retrier.ErrorEquals.some((pattern) => matches(pattern, name)),
    );
    const retrier = this.retriers[index];
    const attempt = this.attempts[index];
    if (retrier === undefined || attempt === undefined || attempt >= (retrier.MaxAttempts ?? 3))
      return undefined;
    this.attempts[index] = attempt + 1;
    const seconds = Math.min(
      (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt,
      retrier.MaxDelaySeconds ?? Number.POSITIVE_INFINITY,
    );
    const ms = seconds * 1000;
    return retrier.JitterStrategy === 'FULL' ? Math.random() * ms : ms;
  }
}

/** `States.TaskFailed` matches every task error but a timeout; `States.ALL` matches all. */
function matches(pattern: string, name: string): boolean {
  if (pattern === 'States.ALL') return true;
  if (pattern === 'States.TaskFailed') return name !== 'States.Timeout';
  return pattern === name;
}
