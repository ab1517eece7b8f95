import { SNSClient } from '@aws-sdk/client-sns';
import * as z from 'zod';
import { SnsNotifier, topicEnvName } from '../../adapters/sns/sns-notifier';
import type { TopicName } from '../../catalogue';
import type { Notifier } from '../../ports/notifier';
import { readConfig } from '../config';
import { traced } from '../tracing';

/**
 * SNS, publishing to the topics the function was granted (`publish` in functions/catalogue.ts):
 * each one's ARN is checked at cold start, and the notifier sees only those. Call at module scope
 * (see ./store-from-environment.ts).
 */
export function notifierFromEnvironment(
  topics: readonly TopicName[],
  env: NodeJS.ProcessEnv = process.env,
): Notifier {
  const environment = z.object(
    Object.fromEntries(topics.map((topic) => [topicEnvName(topic), z.string().startsWith('arn:')])),
  );
  const topicArns = readConfig(environment, env) as Record<string, string>;
  return new SnsNotifier(traced(new SNSClient({})), topicArns);
}
