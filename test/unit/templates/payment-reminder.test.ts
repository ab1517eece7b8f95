import { describe, expect, it } from 'vitest';
import type { Tone } from '../../../functions/core/dunning/dunning-slot';
import { TEMPLATE_IDS } from '../../../functions/core/dunning/step-templates';
import { renderLetter } from '../../../functions/templates/render-letter';
import { eur, invoice2026001, invoice2026017, letter } from './letter-fixtures';

// Dutch money formatting puts a no-break space after the euro sign.
const NL_TOTAL = '€\u00a01.234,56';

describe('a payment reminder', () => {
  it.each<[string, Tone, string, string]>([
    [
      'nl',
      'friendly',
      'Herinnering: factuur 2026-001 staat nog open',
      'Wellicht is het aan uw aandacht ontsnapt',
    ],
    ['nl', 'firm', 'Betalingsherinnering: factuur 2026-001 is vervallen', 'per omgaande te betalen'],
    ['nl', 'formal', 'Aanmaning: factuur 2026-001', 'Ondanks onze eerdere herinneringen'],
    ['nl', 'final', 'Laatste aanmaning vóór incasso: factuur 2026-001', 'over aan een incassobureau'],
    ['en', 'friendly', 'Reminder: invoice 2026-001 is still open', 'Perhaps it has escaped your attention'],
    ['en', 'firm', 'Payment reminder: invoice 2026-001 is overdue', 'without delay'],
    ['en', 'formal', 'Formal notice: invoice 2026-001 unpaid', 'Despite our earlier reminders'],
    ['en', 'final', 'Final notice before collection: invoice 2026-001', 'over to a collection agency'],
  ])('in %s with a %s tone says so in the subject and the text', (language, tone, subject, sentence) => {
    const rendered = renderLetter(letter({ language, tone }));
    expect(rendered.subject).toBe(subject);
    expect(rendered.text).toContain(sentence);
    expect(rendered.html).toContain(sentence);
  });

  it('reads differently in each tone', () => {
    const tones: Tone[] = ['friendly', 'firm', 'formal', 'final'];
    for (const language of ['nl', 'en']) {
      const texts = tones.map((tone) => renderLetter(letter({ language, tone })).text);
      expect(new Set(texts).size).toBe(tones.length);
    }
  });

  it('addresses a company without a contact person as "Geachte heer, mevrouw,", friendly as "Beste relatie,"', () => {
    expect(renderLetter(letter()).text).toContain('Beste relatie,');
    expect(renderLetter(letter({ tone: 'formal' })).text).toContain('Geachte heer, mevrouw,');
    expect(renderLetter(letter({ language: 'en' })).text).toContain('Dear Sir or Madam,');
    expect(renderLetter(letter({ tone: 'formal' })).text).not.toContain('Geachte Bakkerij');
  });

  it('addresses the contact person by title and surname: "Geachte heer De Graaf,"', () => {
    const debtor = {
      name: 'Autobedrijf De Graaf B.V.',
      contact: { name: 'Jan de Graaf', salutation: 'mr' as const },
    };
    expect(renderLetter(letter({ debtor, tone: 'firm' })).text).toContain('Geachte heer De Graaf,');
    expect(renderLetter(letter({ debtor, language: 'en' })).text).toContain('Dear Mr De Graaf,');
    const her = { name: 'Bakkerij Jansen', contact: { name: 'Anna Jansen', salutation: 'ms' as const } };
    expect(renderLetter(letter({ debtor: her, tone: 'formal' })).text).toContain('Geachte mevrouw Jansen,');
  });

  it('heads the letter with the addressee: the company, for the attention of its accounts department or its contact', () => {
    expect(renderLetter(letter()).text).toMatch(
      /^Bakkerij De Korenschoof B\.V\.\nt\.a\.v\. de crediteurenadministratie\n/,
    );
    const debtor = {
      name: 'Autobedrijf De Graaf B.V.',
      contact: { name: 'Jan de Graaf', salutation: 'mr' as const },
    };
    expect(renderLetter(letter({ debtor })).text).toContain('t.a.v. de heer Jan de Graaf');
    expect(renderLetter(letter({ language: 'en' })).text).toContain('Attn: Accounts Payable');
  });

  it('names the date by which to pay in every tone; to a consumer the 14 days after receipt as well', () => {
    const demand = { payBy: '2026-04-07' };
    for (const tone of ['friendly', 'firm', 'formal', 'final'] as const) {
      expect(renderLetter(letter({ tone, demand })).text).toContain('uiterlijk op 7 april 2026');
      expect(renderLetter(letter({ tone, demand, language: 'en' })).text).toContain('7 April 2026');
    }
    const consumer = renderLetter(letter({ tone: 'firm', demand: { payBy: '2026-04-07', termDays: 14 } }));
    expect(consumer.text).toContain('binnen 14 dagen na ontvangst van deze brief, uiterlijk op 7 april 2026');
    expect(consumer.text).not.toContain('per omgaande');
  });

  it('names the day of the hand-over and the agency in the final notice', () => {
    const demand = {
      payBy: '2026-04-13',
      handOver: { on: '2026-04-14', agency: 'Incassobureau Gerritsen B.V.' },
    };
    const { text } = renderLetter(letter({ tone: 'final', demand }));
    expect(text).toContain('niet uiterlijk op 13 april 2026 ontvangen');
    expect(text).toContain('op 14 april 2026 over aan Incassobureau Gerritsen B.V.');
    expect(text).not.toContain('op zeer korte termijn');
  });

  it('shows the KvK number and the VAT id in the footer of the HTML and the text', () => {
    const creditor = { name: 'Voorbeeld Groothandel B.V.', kvkNumber: '12345678', vatId: 'NL001234567B01' };
    const { html, text } = renderLetter(letter({ creditor }));
    expect(text).toContain('KvK: 12345678');
    expect(text).toContain('Btw-id: NL001234567B01');
    expect(html).toContain('KvK: 12345678');
    expect(html).toContain('Btw-id: NL001234567B01');
  });

  it('lists the invoice with its number, due date, open amount and days overdue, in Dutch formats', () => {
    const { html, text } = renderLetter(letter());
    for (const header of ['Factuurnummer', 'Openstaand bedrag']) {
      expect(html).toContain(`${header}</th>`);
    }
    // Two columns fit a phone: the due date and the days overdue go under the number.
    expect(html).toMatch(
      /<td[^>]*>2026-001<br><span[^>]*>Vervaldatum: 3 maart 2026<\/span><br><span[^>]*>21 dagen te laat<\/span><\/td><td[^>]*>€\u00a01\.234,56<\/td>/,
    );
    expect(html).toMatch(new RegExp(`Totaal openstaand</th><th[^>]*>${NL_TOTAL}</th>`));
    expect(text).toContain(
      `Factuurnummer 2026-001 | Vervaldatum 3 maart 2026 | Openstaand bedrag ${NL_TOTAL} | 21 dagen te laat`,
    );
    expect(text).toContain(`Totaal openstaand: ${NL_TOTAL}`);
  });

  it('uses English formats in English', () => {
    const { text } = renderLetter(letter({ language: 'en' }));
    expect(text).toContain(
      'Invoice number 2026-001 | Due date 3 March 2026 | Open amount €1,234.56 | 21 days overdue',
    );
    expect(text).toContain('Date: 24 March 2026');
  });

  it('lists several invoices of one debtor in one letter, with their total', () => {
    const rendered = renderLetter(
      letter({ invoices: [invoice2026001, invoice2026017], total: eur(1_734_56) }),
    );
    expect(rendered.subject).toBe('Herinnering: 2 facturen staan nog open');
    expect(rendered.text).toContain('betaling van onderstaande facturen');
    expect(rendered.html).toContain('>2026-001<br>');
    expect(rendered.html).toContain('>2026-017<br>');
    expect(rendered.text).toContain('Totaal openstaand: €\u00a01.734,56');
    expect(rendered.html).toContain('>Betaal factuur 2026-001</a>');
    expect(rendered.html).toContain('>Betaal factuur 2026-017</a>');
  });

  it('offers a payment button for each invoice with a payment link', () => {
    const { html, text } = renderLetter(letter());
    expect(html).toMatch(
      /<a href="https:\/\/pay\.example\.com\/i\/2026-001" [^>]*>Betaal factuur 2026-001<\/a>/,
    );
    expect(text).toContain('Betaal factuur 2026-001: https://pay.example.com/i/2026-001');
  });

  it('shows no payment button when the invoice has no payment link', () => {
    const { paymentLink: _, ...withoutLink } = invoice2026001;
    const { html, text } = renderLetter(letter({ invoices: [withoutLink] }));
    expect(html).not.toContain('<a ');
    expect(text).not.toContain('Betaal factuur');
  });

  it('never prints a payment link that is not a web address', () => {
    const { html } = renderLetter(
      letter({ invoices: [{ ...invoice2026001, paymentLink: 'javascript:alert(1)' }] }),
    );
    expect(html).not.toContain('javascript:');
  });

  it('gives the payment reference, the bank account and the QR code to scan', () => {
    const { html, text } = renderLetter(letter());
    expect(html).toContain('<strong>Betalingskenmerk:</strong> RF18539007547034');
    expect(html).toContain('<img src="cid:epc-qr"');
    expect(html).toContain('Scan met uw bank-app');
    expect(text).toContain('Betalingskenmerk: RF18539007547034');
    expect(text).toContain('overmaken naar NL91ABNA0417164300 ten name van Acme Levering B.V.');
    expect(renderLetter(letter({ language: 'en' })).html).toContain('Scan with your banking app');
  });

  it('leaves out the QR code when there is none, and never loads a remote image', () => {
    const withoutQr = renderLetter(letter({ payment: { reference: 'RF18539007547034' } }));
    expect(withoutQr.html).not.toContain('<img');
    expect(withoutQr.html).not.toContain('Scan met uw bank-app');

    const remote = renderLetter(
      letter({ payment: { reference: 'RF18', qrPngDataUrl: 'https://tracker.example/p.png' } }),
    );
    expect(remote.html).not.toContain('<img');
  });

  it('carries the creditor details in the footer', () => {
    const { html, text } = renderLetter(letter());
    for (const detail of [
      'Keizersgracht 1',
      '1015 CC Amsterdam',
      'E-mail: debiteuren@acme.example',
      'Telefoon: +31 20 123 4567',
      'Website: https://acme.example',
      'IBAN: NL91ABNA0417164300',
    ]) {
      expect(html).toContain(detail);
      expect(text).toContain(detail);
    }
    expect(text).toContain('Met vriendelijke groet,\nAcme Levering B.V.');
  });

  it('escapes a debtor name that carries markup in the HTML, and keeps it as typed in the text', () => {
    const name = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
    const { html, text, subject } = renderLetter(letter({ debtor: { name }, tone: 'firm' }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;<br>t.a.v.',
    );
    expect(text).toContain(`${name}\nt.a.v.`);
    expect(subject).not.toContain('<script>');
  });

  it('escapes every value from outside, not only the debtor name', () => {
    const { html } = renderLetter(
      letter({
        creditor: { name: 'Acme & "Zn"', address: '<b>Straat 1</b>' },
        invoices: [
          { ...invoice2026001, number: '<i>42</i>', paymentLink: 'https://pay.example.com/?a=1&b="x"' },
        ],
        payment: { reference: "RF'18" },
      }),
    );
    expect(html).toContain('Acme &amp; &quot;Zn&quot;');
    expect(html).toContain('&lt;b&gt;Straat 1&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;42&lt;/i&gt;');
    expect(html).toContain('href="https://pay.example.com/?a=1&amp;b=&quot;x&quot;"');
    expect(html).toContain('RF&#39;18');
  });

  it('writes to a German or French debtor in their language', () => {
    expect(renderLetter(letter({ language: 'de' })).html).toContain('<html lang="de">');
    expect(renderLetter(letter({ language: 'fr' })).html).toContain('<html lang="fr">');
    expect(renderLetter(letter({ language: 'de' })).subject).not.toBe(
      renderLetter(letter({ language: 'en' })).subject,
    );
  });

  it('falls back to English for a language without templates, and reads Dutch for Belgian Dutch', () => {
    expect(renderLetter(letter({ language: 'es' })).subject).toBe('Reminder: invoice 2026-001 is still open');
    expect(renderLetter(letter({ language: 'nl-BE' })).subject).toBe(
      'Herinnering: factuur 2026-001 staat nog open',
    );
  });

  it('marks the HTML with the language of the letter', () => {
    expect(renderLetter(letter()).html).toContain('<html lang="nl">');
    expect(renderLetter(letter({ language: 'es' })).html).toContain('<html lang="en">');
  });
});

describe('the template catalogue', () => {
  it('renders every template in Dutch and in English', () => {
    for (const template of TEMPLATE_IDS) {
      for (const language of ['nl', 'en']) {
        const rendered = renderLetter(
          letter({ template, language, fourteenDayTerm: { endsOn: '2026-04-09', costs: eur(185_18) } }),
        );
        expect(rendered.subject, `${template} in ${language}`).not.toBe('');
        expect(rendered.text).toContain('2026-001');
      }
    }
  });

  it('refuses a template it does not know', () => {
    expect(() => renderLetter(letter({ template: 'cheerful-reminder' }))).toThrow(
      'no template named cheerful-reminder',
    );
  });
});
