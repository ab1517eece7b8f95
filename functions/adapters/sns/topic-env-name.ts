import type { TopicName } from '../../catalogue';

/** The environment variable that holds a topic's ARN: 'call-tasks' → CALL_TASKS_TOPIC_ARN. */
export function topicEnvName(topic: TopicName): string {
  return `${topic.toUpperCase().replace(/-/g, '_')}_TOPIC_ARN`;
}
