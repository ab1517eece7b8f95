/** Rejects with the signal's reason once it aborts: raced against work that knows no signal. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Runs `work` with a signal that aborts with `parent` or when the work is over, so that whatever
 * it left waiting (clock sleepers, listeners) is released rather than piling up on `parent`, an
 * execution's signal that lives for weeks of virtual time.
 */
export async function withChildSignal<T>(
  parent: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const over = new AbortController();
  try {
    return await work(AbortSignal.any([parent, over.signal]));
  } finally {
    over.abort();
  }
}
