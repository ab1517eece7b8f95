import { SNSClient } from '@aws-sdk/client-sns';
import * as z from 'zod';
import { SnsTextSender } from '../../adapters/sns/sns-text-sender';
import type { TextSender } from '../../ports/text-sender';
import { optionalVariable, readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({
  // 1 to 11 letters and digits, at least one letter: what SNS accepts as an alphanumeric sender.
  SMS_SENDER_ID: optionalVariable(
    z.string().regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/, 'must be 1 to 11 letters and digits, one a letter'),
  ),
});

/** SNS texts, with the sender id of the stage when it has one; call at module scope. */
export function textSenderFromEnvironment(env: NodeJS.ProcessEnv = process.env): TextSender {
  const config = readConfig(environment, env);
  return new SnsTextSender(traced(new SNSClient({})), config.SMS_SENDER_ID);
}
