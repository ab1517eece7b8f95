import { SNSClient } from '@aws-sdk/client-sns';
import { SnsTextSender } from '../../adapters/sns/sns-text-sender';
import type { TextSender } from '../../ports/text-sender';
import { traced } from '../tracing';

/** SNS texts with the sender id, if any, and their client. */
export function snsTextSender(senderId: string | undefined): TextSender {
  return new SnsTextSender(traced(new SNSClient({})), senderId);
}
