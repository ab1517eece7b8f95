import * as z from 'zod';
import type { ReplyAddressOf } from '../use-cases/replies/reply-addresses';
import { replyAddresses } from '../use-cases/replies/reply-addresses';
import { optionalVariable, readConfig } from './config';
import { selfServiceKeysFromEnvironment } from './self-service-config';

const environment = z.object({ REPLY_TO_EMAIL: optionalVariable(z.email()) });

/**
 * Each letter's own reply-to address, from the creditor's reply address (REPLY_TO_EMAIL) and the
 * self-service key; without a reply address letters carry the mailer's, and replies find no letter.
 */
export function replyAddressesFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): ReplyAddressOf | undefined {
  const config = readConfig(environment, env);
  if (!config.REPLY_TO_EMAIL) return undefined;
  return replyAddresses(selfServiceKeysFromEnvironment(env), config.REPLY_TO_EMAIL);
}
