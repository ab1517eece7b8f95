import { setTimeout as sleep } from 'node:timers/promises';

/** Something that does work in the background: handlers running, calls to DynamoDB. */
export interface ActivitySource {
  readonly inFlight: number;
  /** Real time (ms) of its last start or end of work. */
  readonly lastActivity: number;
}

/**
 * Resolves once nothing has been running for `quietMs`: the in-process work that moving the
 * virtual clock set off (waits that ended, tasks, SES events) has finished. A gap between two
 * steps of one piece of work (a task ends, the next state starts) is much shorter than `quietMs`.
 */
export async function waitForQuiet(
  sources: readonly ActivitySource[],
  { quietMs = 25, timeoutMs = 60_000 }: { quietMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await sleep(5);
  for (;;) {
    const busy = sources.some((source) => source.inFlight > 0);
    const last = Math.max(...sources.map((source) => source.lastActivity));
    if (!busy && Date.now() - last >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`still busy after ${timeoutMs / 1000} s`);
    await sleep(5);
  }
}
