import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../../functions/adapters/ses/ses-mailer';

const ses = mockClient(SESv2Client);

describe('sending a letter through SES v2', () => {
  beforeEach(() => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  });

  const mailer = () =>
    new SesMailer(new SESv2Client({ region: 'eu-west-1' }), {
      from: 'credit-control@voorbeeld.example',
      replyTo: 'debiteuren@voorbeeld.example',
      configurationSet: 'dunning',
    });

  it('sends HTML and plain text with the QR code as an inline image the HTML refers to', async () => {
    const qr = Buffer.from('png bytes');

    const sent = await mailer().send({
      to: 'administratie@korenschoof.example',
      subject: 'Herinnering: factuur 2025-001 staat nog open',
      html: '<img src="cid:epc-qr">',
      text: 'Herinnering',
      inlineImages: [{ contentId: 'epc-qr', filename: 'qr.png', contentType: 'image/png', content: qr }],
    });

    expect(sent).toEqual({ messageId: 'ses-1' });
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'credit-control@voorbeeld.example',
      Destination: { ToAddresses: ['administratie@korenschoof.example'] },
      ReplyToAddresses: ['debiteuren@voorbeeld.example'],
      ConfigurationSetName: 'dunning',
    });
    expect(input?.Content?.Simple?.Body).toEqual({
      Html: { Data: '<img src="cid:epc-qr">', Charset: 'UTF-8' },
      Text: { Data: 'Herinnering', Charset: 'UTF-8' },
    });
    expect(input?.Content?.Simple?.Attachments).toEqual([
      {
        FileName: 'qr.png',
        ContentType: 'image/png',
        ContentId: 'epc-qr',
        ContentDisposition: 'INLINE',
        RawContent: qr,
      },
    ]);
  });

  it('replaces characters SES refuses in tag values, so the send is not rejected', async () => {
    await mailer().send({
      to: 'a@example.com',
      subject: 's',
      html: 'h',
      text: 't',
      tags: { invoice: 'inv 2025/001', letterDay: '2025-02-08' },
    });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.EmailTags).toEqual([
      { Name: 'invoice', Value: 'inv_2025_001' },
      { Name: 'letterDay', Value: '2025-02-08' },
    ]);
  });

  it('fails when SES answers without a message id, since the letter could not be traced', async () => {
    ses.on(SendEmailCommand).resolves({});

    await expect(mailer().send({ to: 'a@example.com', subject: 's', html: 'h', text: 't' })).rejects.toThrow(
      'no message id',
    );
  });
});
