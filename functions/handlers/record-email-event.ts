import type { Context } from 'aws-lambda';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { replyMailOnFirstUse } from '../shared/dependencies/reply-mailbox-on-first-use';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { isS3Event, s3Handler } from '../shared/s3/s3-handler';
import { snsHandler } from '../shared/sns/sns-handler';
import { recordEmailEvent } from '../use-cases/email-events/email-event';
import { sesEventSchema } from '../use-cases/email-events/ses-event';

const store = creditStoreFromEnvironment();
const deps = { store, clock };
// Most of what this function receives is SES's events, which need the table only. A debtor's reply
// needs the bucket (S3), the workflow (Step Functions) and the mail parser: all three are loaded
// with the first reply, their variables checked at cold start all the same.
const replyDeps = { store, clock, workflow: dunningWorkflowOnFirstUse(), ...replyMailOnFirstUse() };
const replies = () => import('../use-cases/replies/receive-reply');

/**
 * SES events (delivery, bounce, complaint) from the configuration set's SNS topic; each event is
 * recorded once, however often SNS delivers it.
 */
const onSesEvent = snsHandler({
  message: sesEventSchema,
  logKeys: (event) => ({ eventType: event.eventType, messageId: event.mail.messageId }),
  handle: (event) => recordEmailEvent(deps, event),
  metric: (event, outcome) =>
    outcome.status === 'recorded'
      ? { name: 'EmailEventsRecorded', dimension: { name: 'eventType', value: event.eventType } }
      : undefined,
});

/**
 * Debtors' replies: SES's receipt rule stores each message in the reply-mail bucket, whose event
 * names it; the reply goes next to the letter it answers, once however often the event comes.
 */
const onReply = s3Handler({
  handle: async (object) => (await replies()).receiveReply(replyDeps, object),
  metric: (outcome) =>
    outcome.status === 'duplicate'
      ? undefined
      : {
          name: 'RepliesReceived',
          dimension: {
            name: 'kind',
            value: outcome.status === 'unmatched' ? 'unmatched' : outcome.automatic ? 'automatic' : 'person',
          },
        },
});

/** One function for the email that comes back: SES's events about our letters, and the debtors' replies. */
export const handler = (event: unknown, context: Context): Promise<void> =>
  isS3Event(event) ? onReply(event, context) : onSesEvent(event as Parameters<typeof onSesEvent>[0], context);
