import { describe, expect, it } from 'vitest';
import { MAX_TEXT, parseReply } from '../../../functions/use-cases/replies/parse-reply';

const message = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parsing a reply', () => {
  it('keeps who wrote, to whom, the subject, the text, the date and the Message-ID', async () => {
    const parsed = await parseReply(
      message([
        'From: "Jan de Vries" <jan@debtor.example>',
        'To: Debiteuren <DEBITEUREN+abc@voorbeeld.example>',
        'Cc: boekhouding@debtor.example',
        'Subject: =?UTF-8?Q?Re:_Betalingsherinnering_=E2=82=AC_420?=',
        'Message-ID: <reply-1@debtor.example>',
        'Date: Fri, 21 Mar 2025 10:00:00 +0100',
        'Auto-Submitted: no',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Wij betalen vrijdag.',
        '',
      ]),
    );
    expect(parsed).toMatchObject({
      messageId: 'reply-1@debtor.example',
      from: { address: 'jan@debtor.example', name: 'Jan de Vries' },
      recipients: ['debiteuren+abc@voorbeeld.example', 'boekhouding@debtor.example'],
      subject: 'Re: Betalingsherinnering € 420',
      text: 'Wij betalen vrijdag.',
      sentAt: '2025-03-21T09:00:00.000Z',
    });
    expect(parsed.headers.get('auto-submitted')).toBe('no');
  });

  it('reads the text of a message that has only HTML, and cuts a long one', async () => {
    const html = await parseReply(
      message([
        'From: a@b.example',
        'Subject: x',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Betaald op <b>maandag</b>.</p>',
      ]),
    );
    expect(html.text).toContain('Betaald op maandag');
    expect(html.messageId).toBeUndefined();

    const long = await parseReply(
      message(['From: a@b.example', 'Subject: x', '', 'x'.repeat(MAX_TEXT + 100)]),
    );
    expect(long.text).toHaveLength(MAX_TEXT + 1);
  });
});
