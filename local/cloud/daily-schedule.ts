import type { Activity } from '../clock/activity';

/** The instant of the next HH:MM in `timeZone` strictly after `after`. */
function nextLocalTime(after: Date, hour: number, minute: number, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(after);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  for (let dayOffset = 0; dayOffset <= 2; dayOffset++) {
    const candidate = zonedTime(get('year'), get('month'), get('day') + dayOffset, hour, minute, timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error('unreachable: a local time recurs every day');
}

/** The UTC instant of a wall-clock time in a zone (DST-correct: corrects by the zone's offset). */
function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offset = (at: number) => {
    const p = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(at));
    const n = (t: string) => Number(p.find((x) => x.type === t)?.value);
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - at;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of an instant in `timeZone`. */
function localWeekday(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1;
}

/** The instant of the next HH:MM on `weekday` (1 = Monday) in `timeZone` strictly after `after`. */
function nextWeeklyTime(
  after: Date,
  at: { weekday: number; hour: number; minute: number; timeZone: string },
): Date {
  let candidate = after;
  for (let day = 0; day < 8; day++) {
    candidate = nextLocalTime(candidate, at.hour, at.minute, at.timeZone);
    if (localWeekday(candidate, at.timeZone) === at.weekday) return candidate;
  }
  throw new Error('unreachable: a weekday recurs every week');
}

/**
 * EventBridge Scheduler's stand-in: runs `job` every day at HH:MM local time on the virtual clock,
 * until `signal` aborts. A failed run is reported and the schedule goes on, as in AWS. The
 * schedule is a worker of `activity` named `what`: busy from the moment its time comes until the
 * job is done.
 */
export async function runDaily(
  activity: Activity,
  what: string,
  at: { hour: number; minute: number; timeZone: string },
  job: () => Promise<void>,
  signal: AbortSignal,
  onError: (error: unknown) => void,
): Promise<void> {
  await runScheduled(
    activity,
    what,
    (after) => nextLocalTime(after, at.hour, at.minute, at.timeZone),
    job,
    signal,
    onError,
  );
}

/** As runDaily, once a week: on `weekday` (1 = Monday … 7 = Sunday) at HH:MM local time. */
export async function runWeekly(
  activity: Activity,
  what: string,
  at: { weekday: number; hour: number; minute: number; timeZone: string },
  job: () => Promise<void>,
  signal: AbortSignal,
  onError: (error: unknown) => void,
): Promise<void> {
  await runScheduled(activity, what, (after) => nextWeeklyTime(after, at), job, signal, onError);
}

async function runScheduled(
  activity: Activity,
  what: string,
  nextAfter: (after: Date) => Date,
  job: () => Promise<void>,
  signal: AbortSignal,
  onError: (error: unknown) => void,
): Promise<void> {
  const worker = activity.worker(what);
  try {
    while (!signal.aborted) {
      const next = nextAfter(activity.clock.now());
      try {
        await worker.sleepUntil(next, signal);
      } catch {
        return; // aborted, or the clock was disposed
      }
      try {
        await job();
      } catch (error) {
        onError(error);
      }
    }
  } finally {
    worker.end();
  }
}
