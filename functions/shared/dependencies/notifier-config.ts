import * as z from 'zod';
import { topicEnvName } from '../../adapters/sns/topic-env-name';
import type { TopicName } from '../../catalogue';
import { readConfig } from '../config';

/** The ARN of each topic the function was granted, by its variable's name. */
export type NotifierConfig = Record<string, string>;

/**
 * The topics' ARNs, each checked: at cold start, whether the notifier is made then or on first use.
 */
export function notifierConfigFromEnvironment(
  topics: readonly TopicName[],
  env: NodeJS.ProcessEnv = process.env,
): NotifierConfig {
  const environment = z.object(
    Object.fromEntries(topics.map((topic) => [topicEnvName(topic), z.string().startsWith('arn:')])),
  );
  return readConfig(environment, env) as NotifierConfig;
}
