import * as z from 'zod';
import { readConfig } from '../config';

const environment = z.object({
  REPLY_MAIL_BUCKET: z.string().min(3),
  REPLY_TO_EMAIL: z.email(),
  // How long a person's reply holds the debtor's automatic steps, in working days.
  REPLY_HOLD_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
});

export interface ReplyMailConfig {
  bucket: string;
  /** The reply address, whose tagged forms name letters. */
  replyAddress: string;
  holdWorkingDays: number;
}

/** The replies' bucket, the reply address and the hold, checked at cold start. */
export function replyMailConfigFromEnvironment(env: NodeJS.ProcessEnv = process.env): ReplyMailConfig {
  const config = readConfig(environment, env);
  return {
    bucket: config.REPLY_MAIL_BUCKET,
    replyAddress: config.REPLY_TO_EMAIL,
    holdWorkingDays: config.REPLY_HOLD_WORKING_DAYS,
  };
}
