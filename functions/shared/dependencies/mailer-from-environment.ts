import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { fromLine, SesMailer } from '../../adapters/ses/ses-mailer';
import type { Mailer } from '../../ports/mailer';
import { optionalVariable, readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({
  SENDER_EMAIL: z.email(),
  // The inbox shows this name beside the address; without it, the creditor's name.
  SENDER_NAME: optionalVariable(z.string().trim().min(1).max(100)),
  CREDITOR_NAME: optionalVariable(z.string().trim().min(1)),
  REPLY_TO_EMAIL: optionalVariable(z.email()),
  SES_CONFIGURATION_SET: optionalVariable(z.string()),
});

/** SES v2 from the verified sender; call at module scope (see ./store-from-environment.ts). */
export function mailerFromEnvironment(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = readConfig(environment, env);
  return new SesMailer(traced(new SESv2Client({})), {
    from: fromLine(config.SENDER_NAME ?? config.CREDITOR_NAME, config.SENDER_EMAIL),
    replyTo: config.REPLY_TO_EMAIL,
    configurationSet: config.SES_CONFIGURATION_SET,
  });
}
