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

describe('parsing a reply as mail clients write them', () => {
  it('decodes the character set and transfer encoding the sender chose', async () => {
    const latin = await parseReply(
      Buffer.concat([
        Buffer.from(
          [
            'From: =?ISO-8859-1?Q?M=FCller=2C_Ren=E9?= <rene@debtor.example>',
            'To: debiteuren+abc@voorbeeld.example',
            'Subject: =?windows-1252?B?UmU6IGZhY3R1dXIggCAxMjA=?=',
            'Content-Type: text/plain; charset=ISO-8859-1',
            'Content-Transfer-Encoding: quoted-printable',
            '',
            'Wij betalen =93v=F3=F3r=94 vrijdag, =',
            'groet.',
            '',
          ].join('\r\n'),
          'latin1',
        ),
      ]),
    );
    expect(latin.from).toEqual({ address: 'rene@debtor.example', name: 'Müller, René' });
    expect(latin.subject).toBe('Re: factuur € 120');
    expect(latin.text).toBe('Wij betalen “vóór” vrijdag, groet.');

    const base64 = await parseReply(
      message([
        'From: a@b.example',
        'Subject: x',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Betaling is onderweg: € 420,00.').toString('base64'),
      ]),
    );
    expect(base64.text).toBe('Betaling is onderweg: € 420,00.');
  });

  it('reads the plain part of an alternative, keeps the quoted letter, and ignores attachments', async () => {
    const parsed = await parseReply(
      message([
        'From: Jan <jan@debtor.example>',
        'To: debiteuren+tok@voorbeeld.example',
        'Subject: Re: Herinnering',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Zie de bijlage.',
        '',
        '> Geachte heer De Vries,',
        '> uw factuur staat open.',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Zie de <b>bijlage</b>.</p>',
        '--inner--',
        '--outer',
        'Content-Type: application/pdf; name="betaalbewijs.pdf"',
        'Content-Disposition: attachment; filename="betaalbewijs.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 not really').toString('base64'),
        '--outer--',
        '',
      ]),
    );
    expect(parsed.text).toBe('Zie de bijlage.\n\n> Geachte heer De Vries,\n> uw factuur staat open.');
    expect(parsed.recipients).toEqual(['debiteuren+tok@voorbeeld.example']);
  });

  it('reads the text of an HTML-only message: lines, links and entities', async () => {
    const parsed = await parseReply(
      message([
        'From: a@b.example',
        'Subject: x',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><head><style>p { color: red }</style></head><body>',
        '<p>Betaald&nbsp;op maandag &amp; dinsdag.<br>Zie <a href="https://bank.example/b/1">het bewijs</a>.</p>',
        '<!-- tracking --><ul><li>factuur 1</li><li>factuur 2</li></ul>',
        '</body></html>',
      ]),
    );
    expect(parsed.text).toBe(
      'Betaald op maandag & dinsdag.\nZie het bewijs (https://bank.example/b/1).\n\n* factuur 1\n* factuur 2',
    );
  });

  it('finds the token in every recipient header, groups included, and keeps the first value of a header', async () => {
    const parsed = await parseReply(
      message([
        'From: a@b.example',
        'To: Boekhouding: Piet <piet@debtor.example>, debiteuren+grp@voorbeeld.example;',
        'Delivered-To: debiteuren+delivered@voorbeeld.example',
        'X-Original-To: Debiteuren+Original@voorbeeld.example',
        'Auto-Submitted:',
        ' auto-replied',
        'Auto-Submitted: no',
        'Subject: Automatisch antwoord: Betalingsherinnering',
        '',
        'Ik ben afwezig.',
      ]),
    );
    expect(parsed.recipients).toEqual([
      'piet@debtor.example',
      'debiteuren+grp@voorbeeld.example',
      'debiteuren+delivered@voorbeeld.example',
      'debiteuren+original@voorbeeld.example',
    ]);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.sentAt).toBeUndefined();
  });
});
