import * as z from 'zod';
import { optionalVariable, readConfig } from '../config';

const environment = z.object({
  SENDER_EMAIL: z.email(),
  // The inbox shows this name beside the address; without it, the creditor's name.
  SENDER_NAME: optionalVariable(z.string().trim().min(1).max(100)),
  CREDITOR_NAME: optionalVariable(z.string().trim().min(1)),
  REPLY_TO_EMAIL: optionalVariable(z.email()),
  SES_CONFIGURATION_SET: optionalVariable(z.string()),
});

export type MailerConfig = z.infer<typeof environment>;

/** The mailer's variables, checked: at cold start, whether the mailer is made then or on first use. */
export function mailerConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  return readConfig(environment, env);
}
