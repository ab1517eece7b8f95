import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { DunningStep, LegalPolicy } from '../../../functions/core/dunning/dunning-policy';
import type { Invoice } from '../../../functions/core/ledger/invoice';
import {
  paymentReferenceForInvoice,
  paymentReferenceFromId,
} from '../../../functions/core/payments/payment-reference';
import { readCreditor } from '../../../functions/shared/creditor';
import { composeLetter, type LetterToCompose } from '../../../functions/use-cases/letters/compose-letter';

const creditor = readCreditor({
  CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
  CREDITOR_IBAN: 'NL91ABNA0417164300',
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

const fourteenDayLetter: DunningStep = {
  slot: 'finalNotice',
  kind: 'final_notice',
  dayOffset: 21,
  channel: 'email',
  tone: 'final',
  template: 'fourteen-day-letter',
};

function invoice(number: string, openAmount: number, currency = 'EUR'): Invoice {
  return {
    id: `invoice-${number}`,
    number,
    debtorId: 'debtor-1',
    currency,
    totalAmount: openAmount,
    openAmount,
    issueDate: '2025-01-06',
    dueDate: '2025-02-05',
    paymentReference: paymentReferenceForInvoice(number).electronic,
    status: 'overdue',
  };
}

function letter(overrides: Partial<LetterToCompose> = {}): LetterToCompose {
  return {
    step: fourteenDayLetter,
    legal,
    debtor: { name: 'J. de Vries', language: 'nl' },
    creditor,
    invoices: [invoice('2025-001', 1_000_00)],
    today: '2025-02-26',
    ...overrides,
  };
}

describe('the 14-day letter', () => {
  it('states the WIK costs over the total of all invoices it lists, as one claim', async () => {
    const composed = await composeLetter(
      letter({ invoices: [invoice('2025-001', 2_000_00), invoice('2025-002', 1_000_00)] }),
    );

    // 15% of the first € 2.500 and 10% of the next € 500.
    expect(composed.fourteenDayTerm?.costs).toEqual({ amount: 425_00, currency: 'EUR' });
  });

  it('adds VAT to the costs when the creditor cannot deduct it', async () => {
    const composed = await composeLetter(letter({ legal: { ...legal, creditorCanDeductVat: false } }));

    expect(composed.fourteenDayTerm?.costs).toEqual({ amount: 181_50, currency: 'EUR' });
  });

  it('runs the term on to the next working day when its 14th day is a Sunday', async () => {
    // Sent Sunday 2 March 2025 → 14th day Sunday 16 March → Monday 17 March.
    const composed = await composeLetter(letter({ today: '2025-03-02' }));

    expect(composed.fourteenDayTerm?.endsOn).toBe('2025-03-17');
    expect(composed.email.text).toContain('17 maart 2025');
  });
});

describe('the payment QR code', () => {
  it('is left out for an invoice in another currency than the euro, which SEPA cannot pay', async () => {
    const composed = await composeLetter(
      letter({
        step: { ...fourteenDayLetter, template: 'payment-reminder' },
        invoices: [invoice('2025-003', 500_00, 'USD')],
      }),
    );

    expect(composed.email.inlineImages).toBeUndefined();
    expect(composed.email.html).not.toContain('cid:epc-qr');
  });
});

describe('the pay buttons of a letter', () => {
  it('shows a button for every invoice or for none', async () => {
    const withLink = { ...invoice('2025-001', 100_00), paymentLink: 'https://pay.example.com/i/2025-001' };
    const withoutLink = invoice('2025-002', 200_00);

    const some = await composeLetter(letter({ invoices: [withLink, withoutLink] }));
    const all = await composeLetter(
      letter({ invoices: [withLink, { ...withoutLink, paymentLink: 'https://pay.example.com/i/2025-002' }] }),
    );

    expect(some.email.html).not.toContain('https://pay.example.com/i/');
    expect(all.email.html).toContain('https://pay.example.com/i/2025-001');
    expect(all.email.html).toContain('https://pay.example.com/i/2025-002');
  });
});

describe('the reference of a letter listing several invoices', () => {
  const reminder: DunningStep = { ...fourteenDayLetter, template: 'payment-reminder', tone: 'firm' };
  const own = paymentReferenceFromId('letter of the day', 1);

  it("asks the total under the letter's own reference, and shows each invoice's own for paying one by one", async () => {
    const invoices = [invoice('2025-001', 100_00), invoice('2025-002', 200_00)];

    const composed = await composeLetter(letter({ step: reminder, invoices, reference: own }));

    expect(composed.reference).toBe(own.electronic);
    expect(composed.email.text).toContain(`Betalingskenmerk voor het totaal: ${own.printed}`);
    for (const each of invoices) {
      expect(composed.email.text).toContain(paymentReferenceForInvoice(each.number).printed);
    }
    // The QR code pays the total (EUR 300.00) with the letter's own reference in the structured field.
    const [qr] = composed.email.inlineImages ?? [];
    const image = PNG.sync.read(Buffer.from(qr!.content));
    const payload = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data.split('\n');
    expect(payload?.slice(7, 10)).toEqual(['EUR300.00', '', own.electronic]);
  });

  it("prints an invoice's own reference alone when the letter lists one invoice", async () => {
    const composed = await composeLetter(letter({ step: reminder, reference: own }));

    expect(composed.reference).toBeUndefined();
    expect(composed.email.text).toContain(
      `Betalingskenmerk: ${paymentReferenceForInvoice('2025-001').printed}`,
    );
    expect(composed.email.text).not.toContain(own.printed);
  });
});
