import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { TextMessage, TextSender } from '../../ports/text-sender';

/**
 * Texts through SNS Publish to a phone number. Transactional: a reminder is worth the higher
 * delivery priority (Promotional texts may be dropped or delayed). The sender id is the name the
 * phone shows where the country allows an alphanumeric sender (the Netherlands does); such a
 * sender cannot receive a reply, so opting out goes through the self-service page.
 */
export class SnsTextSender implements TextSender {
  constructor(
    private readonly sns: SNSClient,
    private readonly senderId?: string,
  ) {}

  async send(message: TextMessage): Promise<{ messageId: string }> {
    const out = await this.sns.send(
      new PublishCommand({
        PhoneNumber: message.to,
        Message: message.text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(this.senderId
            ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.senderId } }
            : {}),
        },
      }),
    );
    if (!out.MessageId) throw new Error('SNS accepted the text but returned no message id');
    return { messageId: out.MessageId };
  }
}
