import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notification, Notifier } from '../../ports/notifier';
import { topicEnvName } from './topic-env-name';

// Its own module, so that the check of a function's topics at cold start does not load SNS's client.
export { topicEnvName } from './topic-env-name';

/**
 * SNS subjects are ASCII, at most 100 characters, no line breaks: "€ 5.822,24" becomes
 * "EUR 5.822,24", "–" "-" and "financiële" "financiele", rather than question marks in a person's inbox.
 */
export function asciiSubject(subject: string): string {
  return subject
    .replace(/€[ \u00a0\u202f]?/g, 'EUR ')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u00a0\u202f]/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '?')
    .slice(0, 100);
}

export class SnsNotifier implements Notifier {
  constructor(
    private readonly sns: SNSClient,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  async publish(notification: Notification): Promise<{ messageId: string }> {
    const name = topicEnvName(notification.topic);
    const topicArn = this.env[name];
    if (!topicArn)
      throw new Error(`${name} is not set: this function was not granted the ${notification.topic} topic`);
    const out = await this.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: asciiSubject(notification.subject),
        Message:
          typeof notification.message === 'string'
            ? notification.message
            : JSON.stringify(notification.message),
        MessageAttributes: Object.fromEntries(
          Object.entries(notification.attributes ?? {}).map(([k, v]) => [
            k,
            { DataType: 'String', StringValue: v },
          ]),
        ),
      }),
    );
    if (!out.MessageId) throw new Error('SNS accepted the message but returned no message id');
    return { messageId: out.MessageId };
  }
}
