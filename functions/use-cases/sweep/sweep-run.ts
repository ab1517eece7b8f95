import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { Clock } from '../../ports/clock';
import { ConcurrentModificationError, type CreditStore, type SweepRun } from '../../ports/credit-store';

interface RunDeps {
  store: CreditStore;
  clock: Clock;
}

/** A new run of the day from the first page, over the day's last run (complete) if any. */
export async function beginRun(
  deps: RunDeps,
  day: CalendarDate,
  last: SweepRun | undefined,
): Promise<SweepRun> {
  const now = deps.clock.now().toISOString();
  const run: SweepRun = {
    day,
    run: (last?.run ?? 0) + 1,
    complete: false,
    pages: 0,
    startedAt: now,
    updatedAt: now,
    version: (last?.version ?? 0) + 1,
  };
  try {
    await deps.store.putSweepRun(run, last?.version ?? null);
    return run;
  } catch (error) {
    // Another sweep began the day's run a moment ago: go on with that one.
    const begun =
      error instanceof ConcurrentModificationError ? await deps.store.getSweepRun(day) : undefined;
    if (begun) return begun;
    throw error;
  }
}

/**
 * The checkpoint after a page: where the next page starts, or complete when there is none.
 * Undefined when another run of the same day wrote first: two sweeps at once (a retried schedule)
 * sweep some invoices twice, which starts nothing twice, and only one of them goes on.
 */
export async function recordPage(
  deps: RunDeps,
  run: SweepRun,
  cursor: string | undefined,
): Promise<SweepRun | undefined> {
  const { cursor: _done, ...rest } = run;
  const next: SweepRun = {
    ...rest,
    ...(cursor === undefined ? {} : { cursor }),
    complete: cursor === undefined,
    pages: run.pages + 1,
    updatedAt: deps.clock.now().toISOString(),
    version: run.version + 1,
  };
  try {
    await deps.store.putSweepRun(next, run.version);
    return next;
  } catch (error) {
    if (error instanceof ConcurrentModificationError) return undefined;
    throw error;
  }
}
