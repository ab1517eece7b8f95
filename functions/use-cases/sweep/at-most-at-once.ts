/**
 * Runs `work` over `items` with at most `limit` in flight: the sweep's bound on StartExecution
 * calls (and DynamoDB writes) at the same moment, so that one page never bursts past the quota.
 */
export async function atMostAtOnce<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
