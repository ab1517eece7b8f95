import type { TopicName } from '../../catalogue';
import type { Notifier } from '../../ports/notifier';
import { lazyPort } from './lazy-port';
import { notifierConfigFromEnvironment } from './notifier-config';

/**
 * The notifier for a function that publishes on some paths only: the topics' ARNs are checked at
 * cold start, SNS's client is loaded with the first message. Call at module scope.
 */
export function notifierOnFirstUse(
  topics: readonly TopicName[],
  env: NodeJS.ProcessEnv = process.env,
): Notifier {
  const topicArns = notifierConfigFromEnvironment(topics, env);
  return lazyPort(() => import('./notifier-adapter').then(({ snsNotifier }) => snsNotifier(topicArns)));
}
