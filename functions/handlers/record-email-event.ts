import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { snsHandler } from '../shared/sns/sns-handler';
import { recordEmailEvent } from '../use-cases/email-events/email-event';
import { sesEventSchema } from '../use-cases/email-events/ses-event';

const deps = { store: creditStoreFromEnvironment(), clock };

/**
 * SES events (delivery, bounce, complaint) from the configuration set's SNS topic; each event is
 * recorded once, however often SNS delivers it.
 */
export const handler = snsHandler({
  message: sesEventSchema,
  logKeys: (event) => ({ eventType: event.eventType, messageId: event.mail.messageId }),
  handle: (event) => recordEmailEvent(deps, event),
  metric: (event, outcome) =>
    outcome.status === 'recorded'
      ? { name: 'EmailEventsRecorded', dimension: { name: 'eventType', value: event.eventType } }
      : undefined,
});
