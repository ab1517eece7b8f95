import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { SesMailer } from '../../adapters/ses/ses-mailer';
import type { Mailer } from '../../ports/mailer';
import { optionalVariable, readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({
  SENDER_EMAIL: z.email(),
  REPLY_TO_EMAIL: optionalVariable(z.email()),
  SES_CONFIGURATION_SET: optionalVariable(z.string()),
});

/** SES v2 from the verified sender; call at module scope (see ./store-from-environment.ts). */
export function mailerFromEnvironment(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = readConfig(environment, env);
  return new SesMailer(traced(new SESv2Client({})), {
    from: config.SENDER_EMAIL,
    replyTo: config.REPLY_TO_EMAIL,
    configurationSet: config.SES_CONFIGURATION_SET,
  });
}
