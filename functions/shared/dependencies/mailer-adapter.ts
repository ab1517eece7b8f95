import { SESv2Client } from '@aws-sdk/client-sesv2';
import { fromLine, SesMailer } from '../../adapters/ses/ses-mailer';
import type { Mailer } from '../../ports/mailer';
import { traced } from '../tracing';
import type { MailerConfig } from './mailer-config';

/** SES v2 from the verified sender, with its client. */
export function sesMailer(config: MailerConfig): Mailer {
  return new SesMailer(traced(new SESv2Client({})), {
    from: fromLine(config.SENDER_NAME ?? config.CREDITOR_NAME, config.SENDER_EMAIL),
    replyTo: config.REPLY_TO_EMAIL,
    configurationSet: config.SES_CONFIGURATION_SET,
  });
}
