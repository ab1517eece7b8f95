import { describe, expect, it } from 'vitest';
import type { LetterClaim } from '../../../functions/templates/letter-input';
import { renderLetter } from '../../../functions/templates/render-letter';
import { claim2026001, eur, invoice2026001, invoice2026017, letter } from './letter-fixtures';

// Dutch money formatting puts a no-break space after the euro sign.
const nl = (amount: string) => `€\u00a0${amount}`;

/** Invoice 2026-017 (€ 500, due 10 March 2026) on the same day. */
const claim2026017: LetterClaim = {
  invoiceNumber: '2026-017',
  debtorKind: 'business',
  interest: 'included',
  figures: {
    asOf: '2026-03-24',
    currency: 'EUR',
    principal: 500_00,
    interest: {
      amount: 1_95,
      periods: [{ from: '2026-03-11', to: '2026-03-24', days: 14, ratePercent: 10.15, amount: 1_95 }],
    },
    costs: { amount: 40_00, vat: 0, rule: 'fixed-compensation', dueFrom: '2026-03-11' },
    total: 541_95,
  },
};

const finalNotice = (language: string, claims: LetterClaim[] = [claim2026001()]) =>
  renderLetter(letter({ tone: 'final', language, claims }));

describe('the claim in a final notice', () => {
  it('states principal, commercial interest with its period, the EUR 40 compensation and the total, in Dutch', () => {
    const { text, html } = finalNotice('nl');

    expect(text).toContain(
      [
        'Uw vordering per 24 maart 2026',
        `- Hoofdsom: ${nl('1.234,56')}`,
        `- Wettelijke handelsrente (art. 6:119a BW): ${nl('7,21')}`,
        '  10,15% over 4 maart 2026 t/m 24 maart 2026 (21 dagen)',
        `- Vergoeding voor buitengerechtelijke incassokosten (art. 6:96 lid 4 BW): ${nl('40,00')}`,
        `Totaal verschuldigd: ${nl('1.281,77')}`,
      ].join('\n'),
    );
    expect(text).toContain('Over de hoofdsom loopt de wettelijke handelsrente door tot de dag van betaling.');
    expect(html).toContain('Uw vordering per 24 maart 2026');
    expect(html).toContain('10,15% over 4 maart 2026 t/m 24 maart 2026 (21 dagen)');
    expect(html).toContain(`>${nl('1.281,77')}</th>`);
  });

  it('says the same in English', () => {
    const { text, html } = finalNotice('en');

    expect(text).toContain(
      [
        'Your claim as of 24 March 2026',
        '- Principal: €1,234.56',
        '- Statutory commercial interest (art. 6:119a Dutch Civil Code): €7.21',
        '  10.15% from 4 March 2026 to 24 March 2026 inclusive (21 days)',
        '- Compensation for recovery costs (art. 6:96(4) Dutch Civil Code): €40.00',
        'Total due: €1,281.77',
      ].join('\n'),
    );
    expect(html).toContain('Your claim as of 24 March 2026');
    expect(html).toContain('>Total due</th>');
  });

  it('sums the claims of every invoice in the letter and names each invoice’s interest period', () => {
    const { text } = renderLetter(
      letter({
        tone: 'final',
        invoices: [invoice2026001, invoice2026017],
        total: eur(1_734_56),
        claims: [claim2026001(), claim2026017],
      }),
    );

    expect(text).toContain(`- Hoofdsom: ${nl('1.734,56')}`);
    expect(text).toContain(`- Wettelijke handelsrente (art. 6:119a BW): ${nl('9,16')}`);
    expect(text).toContain(
      `  factuur 2026-001: 10,15% over 4 maart 2026 t/m 24 maart 2026 (21 dagen): ${nl('7,21')}`,
    );
    expect(text).toContain(
      `  factuur 2026-017: 10,15% over 11 maart 2026 t/m 24 maart 2026 (14 dagen): ${nl('1,95')}`,
    );
    expect(text).toContain(`(art. 6:96 lid 4 BW): ${nl('80,00')}`);
    expect(text).toContain(`Totaal verschuldigd: ${nl('1.823,72')}`);
  });

  it('adds the VAT on collection costs on the WIK scale when the creditor charges it', () => {
    const { text } = finalNotice('nl', [
      claim2026001({
        figures: {
          ...claim2026001().figures,
          costs: { amount: 185_18, vat: 38_89, rule: 'wik-scale', dueFrom: '2026-03-04' },
          total: 1_465_84,
        },
      }),
    ]);

    expect(text).toContain(`- Buitengerechtelijke incassokosten (art. 6:96 BW): ${nl('185,18')}`);
    expect(text).toContain(`- Btw over de incassokosten: ${nl('38,89')}`);
    expect(text).toContain(`Totaal verschuldigd: ${nl('1.465,84')}`);
  });

  it('goes out without interest when its rate is not known, and says the interest is claimed separately', () => {
    const withoutInterest = claim2026001({
      interest: 'rate-not-known',
      figures: { ...claim2026001().figures, interest: { amount: 0, periods: [] }, total: 1_274_56 },
    });

    const { text, html } = finalNotice('nl', [withoutInterest]);

    expect(text).not.toContain('Wettelijke handelsrente (art. 6:119a BW)');
    expect(text).toContain(`Totaal verschuldigd: ${nl('1.274,56')}`);
    const separately =
      'De wettelijke handelsrente is hierin niet opgenomen, omdat het rentepercentage over deze periode nog niet bekend is. Wij brengen de wettelijke handelsrente afzonderlijk in rekening.';
    expect(text).toContain(separately);
    expect(html).toContain(separately);
    expect(finalNotice('en', [withoutInterest]).text).toContain(
      'We will claim the statutory commercial interest separately.',
    );
  });

  it('leaves all interest out of the total when one invoice’s rate is not known, never a part of it', () => {
    const unknown: LetterClaim = {
      ...claim2026017,
      interest: 'rate-not-known',
      figures: { ...claim2026017.figures, interest: { amount: 0, periods: [] }, total: 540_00 },
    };

    const { text } = finalNotice('nl', [claim2026001(), unknown]);

    expect(text).not.toContain('Wettelijke handelsrente (art. 6:119a BW)');
    expect(text).toContain(`Totaal verschuldigd: ${nl('1.814,56')}`);
  });

  it('escapes what it prints from the invoices in the HTML', () => {
    const { html } = finalNotice('nl', [
      claim2026001({ invoiceNumber: '<b>2026-001</b>' }),
      { ...claim2026017, invoiceNumber: '2026-017 & co' },
    ]);

    expect(html).toContain('factuur &lt;b&gt;2026-001&lt;/b&gt;: 10,15%');
    expect(html).toContain('factuur 2026-017 &amp; co: 10,15%');
    expect(html).not.toContain('<b>2026-001');
  });

  it('is not in a reminder that states no claim', () => {
    const { text, html } = renderLetter(letter({ tone: 'firm' }));

    expect(text).not.toContain('Uw vordering per');
    expect(html).not.toContain('Uw vordering per');
  });
});

describe('the claim in a consumer’s 14-day letter', () => {
  const consumerClaim: LetterClaim = {
    invoiceNumber: '2026-001',
    debtorKind: 'consumer',
    interest: 'included',
    figures: {
      asOf: '2026-03-24',
      currency: 'EUR',
      principal: 1_234_56,
      interest: { amount: 0, periods: [] },
      costs: { amount: 0, vat: 0, rule: 'wik-scale', dueFrom: null },
      total: 1_234_56,
    },
  };
  const fourteenDayLetter = (language: string) =>
    renderLetter(
      letter({
        template: 'fourteen-day-letter',
        tone: 'final',
        language,
        debtor: { name: 'J. de Vries' },
        fourteenDayTerm: { endsOn: '2026-04-09', costs: eur(185_18) },
        claims: [consumerClaim],
      }),
    );

  it('states the costs that become due once, in its 14-day paragraph, and no costs row beside them', () => {
    const { text, html } = fourteenDayLetter('nl');

    expect(text).toContain(
      [
        'Uw vordering per 24 maart 2026',
        `- Hoofdsom: ${nl('1.234,56')}`,
        `- Wettelijke rente (art. 6:119 BW): ${nl('0,00')}`,
        '  nog niet verschuldigd',
        `Totaal verschuldigd: ${nl('1.234,56')}`,
      ].join('\n'),
    );
    expect(text).not.toContain('- Buitengerechtelijke incassokosten');
    // The letter states the costs once, in its 14-day paragraph with the article, not again under the figures.
    const costs = `buitengerechtelijke incassokosten verschuldigd van ${nl('185,18')}`;
    expect(text.split(costs)).toHaveLength(2);
    expect(html.split(costs)).toHaveLength(2);
    expect(text).not.toContain('daarnaast');
  });

  it('says the same in English', () => {
    const { text } = fourteenDayLetter('en');

    expect(text).not.toContain('- Extrajudicial collection costs');
    expect(text.split('extrajudicial collection costs of €185.18')).toHaveLength(2);
  });
});

describe('a final notice that offers the principal as a settlement', () => {
  const offering = (language: string) =>
    renderLetter(
      letter({
        tone: 'final',
        language,
        claims: [claim2026001()],
        request: { kind: 'principal-settlement', amount: eur(1_234_56), payBy: '2026-04-07' },
        demand: { payBy: '2026-04-07', handOver: { on: '2026-04-14', agency: 'Incasso Noord B.V.' } },
      }),
    );

  it('names its one pay-by date once, in the offer, and the hand-over day after it', () => {
    const { text } = offering('nl');

    expect(text).toContain(
      `Betaalt u ${nl('1.234,56')} uiterlijk 7 april 2026, dan zien wij af van rente en kosten.`,
    );
    expect(text.split('7 april 2026')).toHaveLength(2);
    expect(text).toContain('dragen wij de vordering op 14 april 2026 over aan Incasso Noord B.V.');
  });

  it('says the same in English', () => {
    const { text } = offering('en');

    expect(text.split('7 April 2026')).toHaveLength(2);
    expect(text).toContain('to Incasso Noord B.V. on 14 April 2026');
  });
});
