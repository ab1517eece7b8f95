import type { TopicName } from '../../catalogue';
import type { Notifier } from '../../ports/notifier';
import { snsNotifier } from './notifier-adapter';
import { notifierConfigFromEnvironment } from './notifier-config';

/**
 * SNS, publishing to the topics the function was granted (`publish` in functions/catalogue.ts):
 * each one's ARN is checked at cold start, and the notifier sees only those. Call at module scope
 * (see ./store-from-environment.ts).
 */
export function notifierFromEnvironment(
  topics: readonly TopicName[],
  env: NodeJS.ProcessEnv = process.env,
): Notifier {
  return snsNotifier(notifierConfigFromEnvironment(topics, env));
}
