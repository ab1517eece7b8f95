import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../../../functions/templates/letter-texts/built-in';
import {
  type LanguageTexts,
  LETTER_TEMPLATE_IDS,
  type LetterWords,
} from '../../../functions/templates/letter-texts/letter-template';
import { parseTemplate, renderNodes } from '../../../functions/templates/letter-texts/template-syntax';
import { validateTemplateTexts } from '../../../functions/templates/letter-texts/validate-template';
import { renderLetter } from '../../../functions/templates/render-letter';
import { eur, invoice2026001, invoice2026017, letter } from './letter-fixtures';

const render = (source: string, values: Record<string, string | undefined>) => {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.problem);
  return renderNodes(parsed.nodes, values);
};

/** The Dutch words of a template with `change` applied to the letter about one invoice. */
function dutchWith(
  id: (typeof LETTER_TEMPLATE_IDS)[number],
  change: (one: LetterWords) => LetterWords,
): { nl: LanguageTexts } {
  const nl = builtInTemplate(id).texts.nl;
  return { nl: { ...nl, one: change(nl.one) } };
}

const withBody = (body: string[]) => (one: LetterWords) => ({ ...one, body });
const FOURTEEN_DAY_TERM = { endsOn: '2026-04-09', costs: eur(185_18) };

describe('the placeholder syntax', () => {
  it('prints a value, and a section only when its value is there', () => {
    expect(render('Pay {{total}}{{#payBy}} by {{payBy}}{{/payBy}}.', { total: '€ 5', payBy: '1 May' })).toBe(
      'Pay € 5 by 1 May.',
    );
    expect(render('Pay {{total}}{{#payBy}} by {{payBy}}{{/payBy}}.', { total: '€ 5' })).toBe('Pay € 5.');
    expect(render('{{^agency}}a collection agency{{/agency}}', {})).toBe('a collection agency');
  });

  it('runs no code: anything but a name between braces is refused', () => {
    expect(parseTemplate('{{constructor.name}}')).toMatchObject({ ok: false });
    expect(parseTemplate('{{ total + 1 }}')).toMatchObject({ ok: false });
  });
});

describe('a letter rendered from a version', () => {
  it('writes the words of the version it is given instead of version 1', () => {
    const texts = {
      ...builtInTemplate('payment-reminder-friendly').texts,
      ...dutchWith('payment-reminder-friendly', () => ({
        subject: 'Even een seintje over {{invoiceNumber}}',
        body: [
          '{{salutation}}',
          'Nog {{total}} open, {{debtorName}}.',
          '{{invoiceTable}}',
          '{{paymentBlock}}',
        ],
      })),
    };
    const { subject, text } = renderLetter(letter(), {
      templates: { 'payment-reminder-friendly': { texts } },
    });
    expect(subject).toBe('Even een seintje over 2026-001');
    expect(text).toContain('Nog €\u00a01.234,56 open, Bakkerij De Korenschoof B.V.');
    expect(text).not.toContain('Wellicht is het aan uw aandacht ontsnapt');
  });

  it('escapes the values and the words of a template in the HTML', () => {
    const texts = {
      ...builtInTemplate('payment-reminder-friendly').texts,
      ...dutchWith('payment-reminder-friendly', withBody(['<b>Let op</b> {{debtorName}}'])),
    };
    const { html } = renderLetter(letter({ debtor: { name: 'Acme <script>' } }), {
      templates: { 'payment-reminder-friendly': { texts } },
    });
    expect(html).toContain('&lt;b&gt;Let op&lt;/b&gt; Acme &lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('takes the words for several invoices when the letter lists several', () => {
    const { subject } = renderLetter(
      letter({ invoices: [invoice2026001, invoice2026017], total: eur(1_734_56) }),
    );
    expect(subject).toBe('Herinnering: 2 facturen staan nog open');
  });

  it('puts the QR code where the template places {{qr}}, and not twice', () => {
    const texts = {
      ...builtInTemplate('payment-reminder-friendly').texts,
      ...dutchWith('payment-reminder-friendly', withBody(['{{qr}}', 'Tekst', '{{paymentBlock}}'])),
    };
    const { html } = renderLetter(letter(), { templates: { 'payment-reminder-friendly': { texts } } });
    expect(html.match(/alt="EPC QR"/g)).toHaveLength(1);
    expect(html.indexOf('alt="EPC QR"')).toBeLessThan(html.indexOf('Tekst'));
  });

  it('writes German and French where asked, with a professional salutation when no contact person is known', () => {
    const languages = ['nl', 'en', 'de', 'fr'] as const;
    const german = renderLetter(letter({ language: 'de', tone: 'formal' }), { languages });
    expect(german.subject).toBe('Mahnung: Rechnung 2026-001 unbezahlt');
    expect(german.text).toContain('Sehr geehrte Damen und Herren,');
    expect(german.text).toContain('1.234,56\u00a0€');
    const french = renderLetter(
      letter({ language: 'fr', template: 'fourteen-day-letter', fourteenDayTerm: FOURTEEN_DAY_TERM }),
      { languages },
    );
    expect(french.text).toContain('Madame, Monsieur,');
    expect(french.text).toContain('à compter du lendemain de la réception de la présente lettre');
    expect(french.text).toContain('185,18');
  });

  it('opens the interruption letter with a professional salutation, not the company name', () => {
    const { text } = renderLetter(letter({ template: 'interruption-letter', tone: 'formal' }));
    expect(text).toContain('Geachte heer, mevrouw,');
    expect(text).not.toContain('Geachte Bakkerij');
  });
});

describe('a new version of a template', () => {
  it('is accepted as shipped: version 1 of every template in every language', () => {
    for (const id of LETTER_TEMPLATE_IDS)
      expect(validateTemplateTexts(id, builtInTemplate(id).texts)).toEqual([]);
  });

  it.each([
    ['costs', 'the collection costs'],
    ['fourteenDayTerm', 'the term in the words the law asks'],
    ['consequence', 'what not paying within the term costs'],
  ])('of the 14-day letter is refused without {{%s}}, naming it', (name, meaning) => {
    const texts = dutchWith('fourteen-day-letter', (one) => ({
      ...one,
      body: one.body.map((paragraph) => paragraph.replaceAll(`{{${name}}}`, '')),
    }));
    expect(validateTemplateTexts('fourteen-day-letter', texts)).toEqual([
      {
        path: 'texts.nl.one.body',
        message: expect.stringMatching(new RegExp(`lacks \\{\\{${name}\\}\\}, ${meaning}`)),
      },
    ]);
  });

  it('of the 14-day letter is refused with its cost amount inside a section that may not show', () => {
    const texts = dutchWith('fourteen-day-letter', (one) => ({
      ...one,
      body: one.body.map((paragraph) => paragraph.replace('{{costs}}', '{{#payBy}}{{costs}}{{/payBy}}')),
    }));
    const messages = validateTemplateTexts('fourteen-day-letter', texts).map((issue) => issue.message);
    expect(messages).toContainEqual(expect.stringContaining('lacks {{costs}}'));
  });

  it.each<[string, string, string]>([
    ['an unknown placeholder', 'Beste {{klantnaam}},', '{{klantnaam}} is no placeholder'],
    [
      'a placeholder the template has no value for',
      'Betaal voor {{termEndsOn}}.',
      '{{termEndsOn}} has no value in the payment-reminder-firm',
    ],
    ['a block that does not stand alone', 'Zie {{invoiceTable}} hieronder.', '{{invoiceTable}} is a block'],
    [
      'a condition printed as a value',
      'Aanbod: {{settlementOffered}}',
      '{{settlementOffered}} prints nothing',
    ],
    ['a section that is not closed', '{{#payBy}}uiterlijk {{payBy}}', '{{#payBy}} is not closed'],
    ['a section closed by another name', '{{#payBy}}x{{/agency}}', '{{/agency}} closes {{#payBy}}'],
    ['a brace without its other half', 'Betaal {{total} nu.', 'without its other half'],
    ['a link that runs code', 'Klik javascript:steal', 'the link "javascript:steal" is malformed'],
    ['a link without a host', 'Zie https://localhost/betalen', 'its host is no domain name'],
    ['a link with a password', 'Zie https://user:pw@acme.example/x', 'user name or password'],
    ['a link that is no address', 'Zie www.acme.example', 'starts with https://'],
  ])('is refused for %s, naming it', (_, paragraph, message) => {
    const texts = dutchWith('payment-reminder-firm', (one) => ({ ...one, body: [...one.body, paragraph] }));
    expect(validateTemplateTexts('payment-reminder-firm', texts)).toEqual([
      {
        path: `texts.nl.one.body.${builtInTemplate('payment-reminder-firm').texts.nl.one.body.length}`,
        message: expect.stringContaining(message),
      },
    ]);
  });

  it('is refused for a block in the subject', () => {
    const texts = dutchWith('payment-reminder-firm', (one) => ({ ...one, subject: '{{qr}}' }));
    expect(validateTemplateTexts('payment-reminder-firm', texts)).toEqual([
      { path: 'texts.nl.one.subject', message: expect.stringContaining('cannot stand in the subject') },
    ]);
  });

  it('accepts a well-formed link', () => {
    const texts = dutchWith('payment-reminder-firm', (one) => ({
      ...one,
      body: [...one.body, 'Onze voorwaarden: https://acme.example/voorwaarden.'],
    }));
    expect(validateTemplateTexts('payment-reminder-firm', texts)).toEqual([]);
  });
});
