import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SesLocal, startSesLocal } from '../../local/ses/ses-local';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('local SES v2 emulator', () => {
  let ses: SesLocal;
  let client: SESv2Client;

  beforeAll(async () => {
    ses = await startSesLocal({});
    client = new SESv2Client({
      endpoint: ses.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await ses.stop();
  });

  beforeEach(() => ses.clear());

  it('stores an email sent with an HTML and a text body under the MessageId that SendEmail returned', async () => {
    const { MessageId } = await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'Debiteurenbeheer <finance@supplier.example>',
        ReplyToAddresses: ['credit-control@supplier.example'],
        Destination: { ToAddresses: ['ap@debtor.example'], CcAddresses: ['cfo@debtor.example'] },
        Content: {
          Simple: {
            Subject: { Data: 'Herinnering: factuur INV-2031-0042 is vervallen', Charset: 'UTF-8' },
            Body: {
              Html: {
                Data: '<p>Het openstaande bedrag is <strong>€ 1.250,00</strong>.</p>',
                Charset: 'UTF-8',
              },
              Text: { Data: 'Het openstaande bedrag is € 1.250,00.', Charset: 'UTF-8' },
            },
          },
        },
      }),
    );

    expect(MessageId).toEqual(expect.any(String));
    const [email, ...others] = await ses.emails();
    expect(others).toEqual([]);
    expect(email).toMatchObject({
      messageId: MessageId,
      from: 'Debiteurenbeheer <finance@supplier.example>',
      replyTo: ['credit-control@supplier.example'],
      to: ['ap@debtor.example'],
      cc: ['cfo@debtor.example'],
      subject: 'Herinnering: factuur INV-2031-0042 is vervallen',
      html: '<p>Het openstaande bedrag is <strong>€ 1.250,00</strong>.</p>',
      text: 'Het openstaande bedrag is € 1.250,00.',
      attachments: [],
    });
    expect(Math.abs(email!.at.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('keeps the attachments of a simple email with their file name, type and content', async () => {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'finance@supplier.example',
        Destination: { ToAddresses: ['ap@debtor.example'] },
        Content: {
          Simple: {
            Subject: { Data: 'Factuur INV-7' },
            Body: { Text: { Data: 'Zie bijlage.' } },
            Attachments: [
              { FileName: 'INV-7.pdf', ContentType: 'application/pdf', RawContent: bytes('%PDF-1.7') },
            ],
          },
        },
      }),
    );

    const [email] = await ses.emails();
    expect(email?.attachments).toEqual([
      { filename: 'INV-7.pdf', contentType: 'application/pdf', size: 8, content: btoa('%PDF-1.7') },
    ]);
  });

  it('parses a raw MIME email into sender, recipient, subject, body and attachment', async () => {
    const mime = [
      'From: Finance <finance@supplier.example>',
      'To: Accounts Payable <ap@debtor.example>',
      'Subject: Aanmaning INV-9',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="part"',
      '',
      '--part',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Laatste herinnering.',
      '--part',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="INV-9.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      btoa('%PDF-1.7'),
      '--part--',
      '',
    ].join('\r\n');

    const { MessageId } = await client.send(
      new SendEmailCommand({ Content: { Raw: { Data: bytes(mime) } } }),
    );

    const [email] = await ses.emails();
    expect(email).toMatchObject({
      messageId: MessageId,
      from: '"Finance" <finance@supplier.example>',
      to: ['"Accounts Payable" <ap@debtor.example>'],
      subject: 'Aanmaning INV-9',
      text: 'Laatste herinnering.',
      attachments: [{ filename: 'INV-9.pdf', contentType: 'application/pdf', size: 8 }],
    });
  });

  it('empties the inbox on clear()', async () => {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'finance@supplier.example',
        Destination: { ToAddresses: ['ap@debtor.example'] },
        Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } },
      }),
    );
    expect(await ses.emails()).toHaveLength(1);

    await ses.clear();

    expect(await ses.emails()).toEqual([]);
  });

  it('serves the web inbox at its URL', async () => {
    const page = await fetch(ses.url);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/store');
  });
});
