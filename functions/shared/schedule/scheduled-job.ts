import type { Context } from 'aws-lambda';

/**
 * What a schedule hands a function that also serves API routes: `{ "job": "<name>" }` (the
 * EventBridge Scheduler target's input; the local cloud's timer sends the same). One function per
 * capability keeps the stack under CloudFormation's 500 resources (see capability-handler.ts).
 */
export interface ScheduledJobEvent {
  job: string;
}

type Job = (event: ScheduledJobEvent, context: Context) => Promise<unknown>;

function isScheduledJob(event: unknown): event is ScheduledJobEvent {
  return typeof event === 'object' && event !== null && typeof (event as { job?: unknown }).job === 'string';
}

/** Serves a scheduled job's event with its job, any other event (an API request) with `serve`. */
export function withScheduledJobs<E, R>(
  serve: (event: E, context: Context) => Promise<R>,
  jobs: Readonly<Record<string, Job>>,
): (event: E | ScheduledJobEvent, context: Context) => Promise<unknown> {
  return async (event, context) => {
    if (!isScheduledJob(event)) return serve(event, context);
    const job = jobs[event.job];
    if (!job) throw new Error(`This function runs no scheduled job '${event.job}'`);
    return job(event, context);
  };
}
