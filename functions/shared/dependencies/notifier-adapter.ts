import { SNSClient } from '@aws-sdk/client-sns';
import { SnsNotifier } from '../../adapters/sns/sns-notifier';
import type { Notifier } from '../../ports/notifier';
import { traced } from '../tracing';
import type { NotifierConfig } from './notifier-config';

/** SNS, publishing to the checked topics only, with its client. */
export function snsNotifier(topicArns: NotifierConfig): Notifier {
  return new SnsNotifier(traced(new SNSClient({})), topicArns);
}
