/**
 * At most `perSecond` calls a second, in bursts of up to `perSecond`: a token bucket like the one
 * Step Functions throttles StartExecution with. Each worker of a fanned-out sweep paces its starts
 * at its share of the account's rate, so that the workers together stay under it rather than
 * being throttled into the SDK's retries. It measures wall time, not the clock port's business
 * time: the quota is a rate of real calls.
 */
export function startPace(perSecond: number, now: () => number = Date.now): () => Promise<void> {
  let tokens = perSecond;
  let at = now();
  let queue = Promise.resolve();
  const take = async () => {
    for (;;) {
      const t = now();
      tokens = Math.min(perSecond, tokens + ((t - at) / 1000) * perSecond);
      at = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, ((1 - tokens) / perSecond) * 1000));
    }
  };
  // One taker at a time, so that the invoices of a page in flight share the bucket fairly.
  return () => (queue = queue.then(take));
}
