import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SesMailer } from '../../adapters/ses/ses-mailer';
import type { Mailer } from '../../ports/mailer';
import { tracer } from '../observability';
import { oncePerEnvironment, required } from './once-per-environment';

export const mailer = oncePerEnvironment<Mailer>(
  ['SENDER_EMAIL', 'AWS_ENDPOINT_URL_SESV2'],
  () =>
    new SesMailer(tracer.captureAWSv3Client(new SESv2Client({})), {
      from: required('SENDER_EMAIL'),
      replyTo: process.env.REPLY_TO_EMAIL || undefined,
      configurationSet: process.env.SES_CONFIGURATION_SET || undefined,
    }),
);
