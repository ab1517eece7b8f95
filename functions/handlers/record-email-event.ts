import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { logger, metrics, tracer } from '../shared/observability';
import { recordEmailEvent } from '../use-cases/email-events/email-event';
import { sesEventSchema } from '../use-cases/email-events/ses-event';

/**
 * SES events (delivery, bounce, complaint) from the configuration set's SNS topic. A message
 * that is not an SES event is logged and dropped: redelivering it would never make it one.
 * Faults of the store throw, so that SNS delivers the batch again (each event is recorded once).
 */
export const handler = middy(async (event: SNSEvent): Promise<void> => {
  for (const record of event.Records) {
    const parsed = sesEventSchema.safeParse(parseJson(record.Sns.Message));
    if (!parsed.success) {
      logger.warn('not an SES event; dropped', { snsMessageId: record.Sns.MessageId });
      continue;
    }
    const sesEvent = parsed.data;
    const outcome = await recordEmailEvent({ store: creditStore(), clock }, sesEvent);
    logger.info('email event handled', {
      eventType: sesEvent.eventType,
      messageId: sesEvent.mail.messageId,
      outcome,
    });
    if (outcome.status === 'recorded') {
      const single = metrics.singleMetric();
      single.addDimension('eventType', sesEvent.eventType);
      single.addMetric('EmailEventsRecorded', MetricUnit.Count, 1);
    }
  }
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .use(captureLambdaHandler(tracer));

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
