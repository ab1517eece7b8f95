import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, S3Event } from 'aws-lambda';
import { logger, metrics } from '../observability';
import { withPowertools } from '../powertools-chain';
import type { SnsMetric } from '../sns/sns-handler';

/** An object an S3 event names, its key decoded as S3 encodes it in events. */
export interface S3Object {
  bucket: string;
  key: string;
}

export interface S3HandlerOptions<O> {
  /** The use case, once per object created. */
  handle: (object: S3Object) => Promise<O>;
  /** The metric an outcome counts as, if any. */
  metric?: (outcome: O) => SnsMetric | undefined;
}

/**
 * Wraps a use case as the Lambda of a bucket's event notification: the Powertools chain, each
 * created object handed over once, the bucket and key on the log lines (they name no person), the
 * outcome logged and counted. Other events (a removal) are ignored. A fault thrown by the use case
 * fails the invocation, so that Lambda's retries of the asynchronous event deliver it again; use
 * cases therefore handle each object once.
 */
export function s3Handler<O>(options: S3HandlerOptions<O>) {
  return withPowertools(async (event: S3Event, _context: Context): Promise<void> => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      const object = { bucket: record.s3.bucket.name, key: objectKey(record.s3.object.key) };
      const keys = { bucket: object.bucket, objectKey: object.key };
      logger.appendKeys(keys);
      try {
        const outcome = await options.handle(object);
        logger.info('object handled', { outcome });
        const metric = options.metric?.(outcome);
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

/** Whether a Lambda event is a bucket's event notification (and not, say, an SNS delivery). */
export function isS3Event(event: unknown): event is S3Event {
  const records = (event as { Records?: { eventSource?: unknown }[] } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && records[0]?.eventSource === 'aws:s3';
}

/** S3 events carry keys URL-encoded, with a space as '+'. */
function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}
