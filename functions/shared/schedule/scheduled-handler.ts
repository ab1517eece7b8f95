import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { logger, metrics } from '../observability';
import { withPowertools } from '../powertools-chain';

/** What a scheduled job's result tells operations. */
export interface JobSummary {
  /** Counts for the dashboard, by metric name. */
  counts: Record<string, number>;
  /** What could not be done; logged as an error when there is any. */
  failures: readonly unknown[];
  /** The log line of a finished run: ids and counts, never personal data. */
  details: Record<string, unknown>;
}

/**
 * Wraps a job as the Lambda of a schedule (EventBridge Scheduler in AWS; the local cloud's daily
 * timer locally): the Powertools chain, then the job, its counts as metrics and one log line.
 * The event says at most which step of the job to run; the time is the clock port's. Items that fail are
 * reported, not thrown, so that one bad item does not keep the others from their run.
 */
export function scheduledHandler<R>(
  options: {
    job: string;
    summarize: (result: R) => JobSummary;
    /** What the invocation answers (a state machine's next input); the result itself by default. */
    answer?: (result: R) => R;
  },
  /** The job; a job that serves several steps (a state machine's) reads which from the event. */
  run: (context: Context, event: unknown) => Promise<R>,
) {
  return withPowertools(async (event: unknown, context: Context): Promise<R> => {
    const result = await run(context, event);
    const summary = options.summarize(result);
    for (const [name, count] of Object.entries(summary.counts)) {
      metrics.addMetric(name, MetricUnit.Count, count);
    }
    if (summary.failures.length > 0) {
      logger.error(`${options.job}: some items failed`, { failed: summary.failures });
    }
    logger.info(`${options.job} done`, summary.details);
    return options.answer ? options.answer(result) : result;
  });
}
