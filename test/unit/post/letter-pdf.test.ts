import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { DunningStep, LegalPolicy } from '../../../functions/core/dunning/dunning-policy';
import type { Invoice } from '../../../functions/core/ledger/invoice';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import { readCreditor } from '../../../functions/shared/creditor';
import { renderLetterPdf } from '../../../functions/templates/pdf/letter-pdf';
import { A4, ADDRESS_FIELD, QR_BOX } from '../../../functions/templates/pdf/page-geometry';
import { composeLetter } from '../../../functions/use-cases/letters/compose-letter';
import { pdfImages, pdfPageCount, pdfText, pdfTextRuns } from '../../support/pdf-reading';

const creditor = readCreditor({
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'NL91ABNA0417164300',
  CREDITOR_BIC: 'ABNANL2A',
  CREDITOR_ADDRESS: 'Keizersgracht 1, 1015 AA Amsterdam',
  PAYMENT_REFERENCE_SCHEME: 'rf',
});

const legal: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'wik-scale',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
};

const reminder: DunningStep = {
  slot: 'secondReminder',
  kind: 'reminder',
  dayOffset: 14,
  channel: 'letter',
  tone: 'firm',
  template: 'payment-reminder',
};

function invoice(number: string, openAmount = 250_00): Invoice {
  return {
    id: `invoice-${number}`,
    number,
    debtorId: 'debtor-1',
    currency: 'EUR',
    totalAmount: openAmount,
    openAmount,
    issueDate: '2025-01-06',
    dueDate: '2025-02-05',
    paymentReference: paymentReferenceForInvoice(number).electronic,
    status: 'overdue',
  };
}

const ADDRESS = [
  'Bakkerij De Korenschoof B.V.',
  't.a.v. J. de Graaf',
  'Dorpsstraat 12',
  '1234 AB  Ergenshuizen',
];

async function letterPdf(invoices: Invoice[]): Promise<Uint8Array> {
  const composed = await composeLetter({
    step: reminder,
    legal,
    debtor: { name: ADDRESS[0]!, language: 'nl' },
    creditor,
    invoices,
    today: '2025-02-19',
  });
  return renderLetterPdf({
    returnAddress: 'Voorbeeld Groothandel B.V., Keizersgracht 1, 1015 AA Amsterdam',
    addressLines: ADDRESS,
    subject: composed.email.subject,
    text: composed.email.text,
    qrPng: composed.email.inlineImages?.[0]?.content,
    dated: new Date('2025-02-19T00:00:00Z'),
  });
}

/** pdfjs gives the two spaces between postal code and city as one. */
const isAddressLine = (text: string) =>
  ADDRESS.some((line) => line.replace(/\s+/g, ' ') === text.replace(/\s+/g, ' '));

const inside = (box: typeof ADDRESS_FIELD, left: number, top: number) =>
  left >= box.left && left <= box.left + box.width && top >= box.top && top <= box.top + box.height;

// Composing and reading back a PDF takes a few seconds on a busy machine.
describe('a letter laid out for a window envelope', { timeout: 30_000 }, () => {
  it('puts the return address and the recipient inside the address field, 20 mm from the left and 45 mm from the top', async () => {
    const runs = (await pdfTextRuns(await letterPdf([invoice('2025-001')]))).filter((run) => run.page === 1);

    const addressRuns = ADDRESS.map((line) =>
      runs.find((run) => run.text.replace(/\s+/g, ' ') === line.replace(/\s+/g, ' ')),
    );
    const returnAddress = runs.find((run) =>
      run.text.startsWith('Voorbeeld Groothandel B.V., Keizersgracht 1'),
    );

    for (const run of [returnAddress, ...addressRuns]) {
      expect(run).toBeDefined();
      expect(inside(ADDRESS_FIELD, run!.left, run!.top)).toBe(true);
      expect(inside(ADDRESS_FIELD, run!.left, run!.top + run!.size)).toBe(true);
    }
    // The return address first and small, the recipient below it, line by line.
    expect(returnAddress!.size).toBeLessThan(addressRuns[0]!.size);
    expect(addressRuns.map((run) => run!.top)).toEqual(
      [...addressRuns.map((run) => run!.top)].sort((a, b) => a - b),
    );
    expect(returnAddress!.top).toBeLessThan(addressRuns[0]!.top);
    expect(addressRuns[0]!.left).toBeCloseTo(ADDRESS_FIELD.left, 0);
  });

  it('keeps the text of the letter out of the window', async () => {
    const runs = (await pdfTextRuns(await letterPdf([invoice('2025-001')]))).filter((run) => run.page === 1);
    const notAddress = runs.filter(
      (run) => !isAddressLine(run.text) && !run.text.startsWith('Voorbeeld Groothandel B.V., Keizersgracht'),
    );

    for (const run of notAddress) expect(run.top).toBeGreaterThan(ADDRESS_FIELD.top + ADDRESS_FIELD.height);
  });

  it('prints the EPC QR code beside the address field, as the email carries it', async () => {
    const [qr] = await pdfImages(await letterPdf([invoice('2025-001')]));
    const decoded = qr && jsQR(qr.rgba, qr.width, qr.height);

    expect(QR_BOX.left).toBeGreaterThan(ADDRESS_FIELD.left + ADDRESS_FIELD.width);
    expect(QR_BOX.left + QR_BOX.width).toBeLessThan(A4.width);
    expect(decoded?.data.split('\n').slice(0, 8)).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Voorbeeld Groothandel B.V.',
      'NL91ABNA0417164300',
      'EUR250.00',
    ]);
  });

  it('fits a letter of one invoice on one page', async () => {
    expect(await pdfPageCount(await letterPdf([invoice('2025-001')]))).toBe(1);
  });

  it('runs a letter of many invoices on over as many pages as it takes, every invoice on one of them, numbered', async () => {
    const many = Array.from({ length: 45 }, (_, index) =>
      invoice(`2025-${String(index + 1).padStart(3, '0')}`),
    );
    const pdf = await letterPdf(many);
    const pages = await pdfPageCount(pdf);
    const text = await pdfText(pdf);
    const runs = await pdfTextRuns(pdf);

    expect(pages).toBeGreaterThanOrEqual(3);
    for (const each of many) expect(text).toContain(each.number);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(`${page}/${pages}`);
    // Nothing runs into the bottom margin of 25 mm but the page number.
    const bottom = A4.height - 25 * (72 / 25.4);
    for (const run of runs.filter((each) => !/^\d+\/\d+$/.test(each.text))) {
      expect(run.top + run.size).toBeLessThanOrEqual(bottom + 0.5);
    }
  });

  it('renders the same letter to the same bytes, so that a retry stores the same PDF', async () => {
    const [first, second] = await Promise.all([
      letterPdf([invoice('2025-001')]),
      letterPdf([invoice('2025-001')]),
    ]);

    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});
