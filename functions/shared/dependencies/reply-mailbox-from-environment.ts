import * as z from 'zod';
import { s3Client } from '../../adapters/s3/s3-client';
import { ReplyMailBucket } from '../../adapters/s3/reply-mail-bucket';
import type { ReplyMailbox } from '../../ports/reply-mailbox';
import { readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({
  REPLY_MAIL_BUCKET: z.string().min(3),
  REPLY_TO_EMAIL: z.email(),
  // How long a person's reply holds the debtor's automatic steps, in working days.
  REPLY_HOLD_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
});

/** The replies' bucket, the reply address whose tagged forms name letters, and the hold; at cold start. */
export function replyMailFromEnvironment(env: NodeJS.ProcessEnv = process.env): {
  mailbox: ReplyMailbox;
  replyAddress: string;
  holdWorkingDays: number;
} {
  const config = readConfig(environment, env);
  return {
    mailbox: new ReplyMailBucket(traced(s3Client()), config.REPLY_MAIL_BUCKET),
    replyAddress: config.REPLY_TO_EMAIL,
    holdWorkingDays: config.REPLY_HOLD_WORKING_DAYS,
  };
}
