import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../ports/mailer';

export interface SesMailerConfig {
  from: string;
  replyTo?: string;
  configurationSet?: string;
}

/** SES v2 SendEmail with HTML, text and inline images (the QR code) as a simple message. */
export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESv2Client,
    private readonly config: SesMailerConfig,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    // A letter names its own reply address, which finds the letter again when the debtor answers.
    const replyTo = email.replyTo ?? this.config.replyTo;
    const out = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.config.from,
        Destination: { ToAddresses: [email.to] },
        ReplyToAddresses: replyTo ? [replyTo] : undefined,
        ConfigurationSetName: this.config.configurationSet,
        EmailTags: Object.entries(email.tags ?? {}).map(([Name, Value]) => ({
          Name,
          Value: tagValue(Value),
        })),
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.html, Charset: 'UTF-8' },
              Text: { Data: email.text, Charset: 'UTF-8' },
            },
            Attachments: email.inlineImages?.map((image) => ({
              FileName: image.filename,
              ContentType: image.contentType,
              ContentId: image.contentId,
              ContentDisposition: 'INLINE',
              RawContent: image.content,
            })),
          },
        },
      }),
    );
    if (!out.MessageId) throw new Error('SES accepted the email but returned no message id');
    return { messageId: out.MessageId };
  }
}

/**
 * The From line with a display name: `"Name" <address>` (RFC 5322), the name as a MIME
 * encoded-word when it is not plain ASCII, as SES requires.
 */
export function fromLine(displayName: string | undefined, address: string): string {
  if (!displayName) return address;
  const name = /^[\x20-\x7e]*$/.test(displayName)
    ? `"${displayName.replace(/["\\]/g, '\\$&')}"`
    : `=?UTF-8?B?${Buffer.from(displayName, 'utf8').toString('base64')}?=`;
  return `${name} <${address}>`;
}

/** SES tag values allow only ASCII letters, digits, '_', '-', '.', '@'. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.@-]/g, '_').slice(0, 256);
}
