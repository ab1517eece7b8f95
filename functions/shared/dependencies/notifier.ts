import { SNSClient } from '@aws-sdk/client-sns';
import { SnsNotifier } from '../../adapters/sns/sns-notifier';
import type { Notifier } from '../../ports/notifier';
import { tracer } from '../observability';
import { oncePerEnvironment } from './once-per-environment';

export const notifier = oncePerEnvironment<Notifier>(
  ['AWS_ENDPOINT_URL_SNS'],
  () => new SnsNotifier(tracer.captureAWSv3Client(new SNSClient({}))),
);
