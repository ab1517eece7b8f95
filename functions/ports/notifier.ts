import type { TopicName } from '../catalogue';

export interface Notification {
  topic: TopicName;
  subject: string;
  /** The message body; JSON documents are sent as their string form. */
  message: unknown;
  attributes?: Record<string, string>;
}

export interface Notifier {
  publish(notification: Notification): Promise<{ messageId: string }>;
}
