import { ConcurrentModificationError } from '../../ports/credit-store';

const ATTEMPTS = 5;

/**
 * Runs `attempt` (read, decide, commit) again when its commit lost a race: another event for the
 * same invoice or debtor landed at the same moment. Each attempt re-reads, so the retry decides
 * on the state the winner left. A short random pause keeps two losers from colliding again.
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
