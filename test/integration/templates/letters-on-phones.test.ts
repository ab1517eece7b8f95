import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONES } from '../../../functions/core/dunning/dunning-slot';
import { TEMPLATE_IDS } from '../../../functions/core/dunning/step-templates';
import type { LetterClaim, LetterInput, LetterInvoice } from '../../../functions/templates/letter-input';
import { renderLetter } from '../../../functions/templates/render-letter';
import { eur, letter } from '../../unit/templates/letter-fixtures';
import { launchChromium } from '../../support/chromium';

/** The narrowest phone screen in common use, in CSS pixels. */
const PHONE_WIDTH = 360;

/** Long but real values: a six-figure amount, an invoice number with a prefix, a long address. */
const invoices: LetterInvoice[] = [
  {
    number: 'INV-2026-000123',
    dueDate: '2026-01-31',
    openAmount: eur(123_456_78),
    daysOverdue: 152,
    paymentLink: 'https://pay.example.com/i/INV-2026-000123',
    reference: 'RF71 INV2 0260 0012 3',
  },
  {
    number: 'INV-2026-000456',
    dueDate: '2026-02-28',
    openAmount: eur(9_876_54),
    daysOverdue: 124,
    paymentLink: 'https://pay.example.com/i/INV-2026-000456',
    disputedAmount: eur(1_000_00),
    reference: 'RF26 INV2 0260 0045 6',
  },
];

function claim(invoice: LetterInvoice): LetterClaim {
  const principal = invoice.openAmount.amount;
  return {
    invoiceNumber: invoice.number,
    debtorKind: 'business',
    interest: 'included',
    figures: {
      asOf: '2026-07-02',
      currency: 'EUR',
      principal,
      interest: {
        amount: 5_432_10,
        periods: [
          { from: '2026-02-01', to: '2026-06-30', days: 150, ratePercent: 10.15, amount: 5_000_00 },
          { from: '2026-07-01', to: '2026-07-02', days: 2, ratePercent: 10.4, amount: 432_10 },
        ],
      },
      costs: { amount: 40_00, vat: 0, rule: 'fixed-compensation', dueFrom: '2026-02-01' },
      total: principal + 5_432_10 + 40_00,
    },
  };
}

/** Every template in every tone, Dutch and English, for one invoice and for two. */
function variants(): { name: string; input: LetterInput }[] {
  const all: { name: string; input: LetterInput }[] = [];
  for (const language of ['nl', 'en']) {
    for (const listed of [invoices.slice(0, 1), invoices]) {
      const several = listed.length > 1;
      const total = eur(listed.reduce((sum, each) => sum + each.openAmount.amount, 0));
      const claims = listed.map(claim);
      const claimed = eur(claims.reduce((sum, each) => sum + each.figures.total, 0));
      for (const template of TEMPLATE_IDS) {
        for (const tone of TONES) {
          const base = letter({
            template,
            tone,
            language,
            debtor: {
              name: 'Autobedrijf De Graaf en Zonen Bedrijfswagens B.V.',
              kind: 'business',
              contact: { name: 'De Graaf-Van Oosterhout', salutation: 'mr' },
            },
            creditor: {
              ...letter().creditor,
              email: 'debiteurenadministratie@voorbeeld-groothandel.example',
              kvkNumber: '12345678',
              vatId: 'NL001234567B01',
            },
            invoices: listed.map((each) => (several ? each : { ...each, reference: undefined })),
            total,
            payment: {
              reference: several ? 'RF53 GPUO 5KTV 7UF1 ASC3 XC32 K' : 'RF71 INV2 0260 0012 3',
              qrPngDataUrl: 'cid:epc-qr',
              ...(several ? { forTotal: true } : {}),
            },
            demand: {
              payBy: '2026-07-16',
              termDays: 14,
              handOver: { on: '2026-07-20', agency: 'Incassobureau Voorbeeld & Partners B.V.' },
            },
            today: '2026-07-02',
            ...(template === 'fourteen-day-letter'
              ? { fourteenDayTerm: { endsOn: '2026-07-17', costs: eur(1_975_00) } }
              : {}),
          });
          all.push({ name: `${template} ${tone} ${language} ${listed.length}`, input: base });
          if (template === 'payment-reminder' && tone === 'final') {
            all.push({
              name: `${template} ${tone} ${language} ${listed.length} with the claim`,
              input: {
                ...base,
                claims,
                request: { kind: 'total-claim', amount: claimed, payBy: '2026-07-16' },
              },
            });
            all.push({
              name: `${template} ${tone} ${language} ${listed.length} with a settlement offer`,
              input: {
                ...base,
                claims,
                request: { kind: 'principal-settlement', amount: total, payBy: '2026-07-16' },
              },
            });
          }
        }
      }
    }
  }
  return all;
}

/** A 160 px square PNG in place of the QR code's cid: image, as a mail client shows it. */
const QR_STAND_IN =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('letters on a phone', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium('this test lays the letters out in a real browser');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lays out every template in every tone, Dutch and English, one invoice or several, 360 px wide without horizontal scroll', async () => {
    const page = await browser!.newPage({ viewport: { width: PHONE_WIDTH, height: 740 } });
    const cases = variants();
    const tooWide: string[] = [];
    for (const { name, input } of cases) {
      const { html } = renderLetter(input);
      await page.setContent(html.replaceAll('cid:epc-qr', QR_STAND_IN));
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > PHONE_WIDTH) tooWide.push(`${name}: ${width} px`);
    }

    expect(cases.length).toBeGreaterThanOrEqual(4 * 6 * 2 * 2);
    expect(tooWide).toEqual([]);
  });
});
