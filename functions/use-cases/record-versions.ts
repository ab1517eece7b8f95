import { ConcurrentModificationError, type Versioned } from '../ports/credit-store';

/** A record's first version: the store writes it only where none exists yet (expectedVersion null). */
export function firstVersion<T>(record: T, at: string): T & Versioned {
  return { ...record, version: 1, createdAt: at, updatedAt: at };
}

/** The next version of a stored record: the store writes it only over the version it was read at. */
export function revised<T extends Versioned>(record: T, changes: Partial<T>, at: Date): T {
  return { ...record, ...changes, version: record.version + 1, updatedAt: at.toISOString() };
}

const ATTEMPTS = 5;

/**
 * Runs `attempt` (read, decide, commit) again when its commit lost a race: a payment, a webhook or
 * another task changed the record between our read and our write. Each attempt must re-read
 * what it writes, so the retry decides on the state the winner left. A short random pause keeps
 * two losers from colliding again. After a few lost races the conflict is thrown: the caller's
 * own retry (the webhook's redelivery, the ASL's backoff) takes over.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || tries >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
    }
  }
}
