import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SNSEvent, SNSEventRecord } from 'aws-lambda';
import type { z } from 'zod';
import { logger, metrics } from '../observability';
import { withPowertools } from '../powertools-chain';

/** A count of one, by one dimension: what a subscriber's outcome adds to the dashboard. */
export interface SnsMetric {
  name: string;
  dimension: { name: string; value: string };
}

export interface SnsHandlerOptions<M, O> {
  /** The message a subscriber reads, checked after JSON parsing. */
  message: z.ZodType<M>;
  /** Ids that correlate the message's log lines; never personal data. */
  logKeys: (message: M) => Record<string, string>;
  /** The use case, once per message. */
  handle: (message: M, record: SNSEventRecord) => Promise<O>;
  /** The metric an outcome counts as, if any. */
  metric?: (message: M, outcome: O) => SnsMetric | undefined;
}

/**
 * Wraps a use case as the Lambda of an SNS subscription: the Powertools chain, each record's
 * message parsed and checked, its ids on the log lines, the outcome logged and counted. A message
 * that does not fit the schema is logged and dropped: delivering it again would never make it
 * fit. A fault thrown by the use case fails the invocation, so that SNS delivers the batch again;
 * use cases therefore record each message once.
 */
export function snsHandler<M, O>(options: SnsHandlerOptions<M, O>) {
  return withPowertools(async (event: SNSEvent, _context: Context): Promise<void> => {
    for (const record of event.Records) {
      const parsed = options.message.safeParse(parseJson(record.Sns.Message));
      if (!parsed.success) {
        logger.warn('message not of the expected kind; dropped', { snsMessageId: record.Sns.MessageId });
        continue;
      }
      const keys = { snsMessageId: record.Sns.MessageId, ...options.logKeys(parsed.data) };
      logger.appendKeys(keys);
      try {
        const outcome = await options.handle(parsed.data, record);
        logger.info('message handled', { outcome });
        const metric = options.metric?.(parsed.data, outcome);
        if (metric) {
          const single = metrics.singleMetric();
          single.addDimension(metric.dimension.name, metric.dimension.value);
          single.addMetric(metric.name, MetricUnit.Count, 1);
        }
      } finally {
        logger.removeKeys(Object.keys(keys));
      }
    }
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
