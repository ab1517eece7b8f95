import type { ReplyMailbox } from '../../ports/reply-mailbox';
import { lazyPort } from './lazy-port';
import { replyMailConfigFromEnvironment } from './reply-mailbox-config';

/**
 * The replies' bucket, the reply address and the hold, for a function that mostly records SES's
 * events: the variables are checked at cold start, S3's client is loaded with the first reply.
 * Call at module scope.
 */
export function replyMailOnFirstUse(env: NodeJS.ProcessEnv = process.env): {
  mailbox: ReplyMailbox;
  replyAddress: string;
  holdWorkingDays: number;
} {
  const { bucket, replyAddress, holdWorkingDays } = replyMailConfigFromEnvironment(env);
  return {
    mailbox: lazyPort(() =>
      import('./reply-mailbox-adapter').then(({ replyMailBucket }) => replyMailBucket(bucket)),
    ),
    replyAddress,
    holdWorkingDays,
  };
}
