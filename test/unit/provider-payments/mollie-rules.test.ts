import { describe, expect, it } from 'vitest';
import type { DunningStep } from '../../../functions/core/dunning/dunning-policy';
import type { Invoice } from '../../../functions/core/ledger/invoice';
import type { Money } from '../../../functions/core/money';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import { fromMollieAmount, toMollieAmount } from '../../../functions/adapters/mollie/mollie-amount';
import { readCreditor } from '../../../functions/shared/creditor';
import { composeLetter } from '../../../functions/use-cases/letters/compose-letter';
import {
  invoiceDescription,
  referenceIn,
} from '../../../functions/use-cases/provider-payments/payment-descriptions';

describe("Mollie's amounts", () => {
  it('writes cents as euros with exactly two decimals, and reads them back', () => {
    expect(toMollieAmount({ amount: 123_45, currency: 'EUR' })).toEqual({ currency: 'EUR', value: '123.45' });
    expect(toMollieAmount({ amount: 5, currency: 'EUR' })).toEqual({ currency: 'EUR', value: '0.05' });
    expect(fromMollieAmount({ currency: 'EUR', value: '1000.00' })).toEqual({
      amount: 1_000_00,
      currency: 'EUR',
    });
  });

  it('refuses another currency than the euro, a zero amount and a value without two decimals', () => {
    expect(() => toMollieAmount({ amount: 100, currency: 'USD' })).toThrow(RangeError);
    expect(() => toMollieAmount({ amount: 0, currency: 'EUR' })).toThrow(RangeError);
    expect(() => fromMollieAmount({ currency: 'EUR', value: '10' })).toThrow(RangeError);
  });
});

describe("a payment's description", () => {
  it('ends with the structured reference, which the webhook finds again', () => {
    const reference = paymentReferenceForInvoice('2026-0042').electronic;
    const description = invoiceDescription({ number: '2026-0042', paymentReference: reference }, 'nl');

    expect(description).toBe(`Factuur 2026-0042 ${reference}`);
    expect(referenceIn(description)).toBe(reference);
    expect(referenceIn('Invoices 1, 2')).toBeUndefined();
  });
});

describe("a letter's link where the invoicing system gave none", () => {
  const creditor = readCreditor({
    CREDITOR_NAME: 'Voorbeeld Groothandel B.V.',
    CREDITOR_IBAN: 'NL91ABNA0417164300',
    PAYMENT_REFERENCE_SCHEME: 'rf',
  });
  const reminder: DunningStep = {
    slot: 'firstReminder',
    kind: 'reminder',
    dayOffset: 3,
    channel: 'email',
    tone: 'friendly',
    template: 'payment-reminder',
  };
  const invoice = (number: string, fields: Partial<Invoice> = {}): Invoice => ({
    id: `invoice-${number}`,
    number,
    debtorId: 'debtor-1',
    currency: 'EUR',
    totalAmount: 300_00,
    openAmount: 300_00,
    issueDate: '2026-01-06',
    dueDate: '2026-02-05',
    paymentReference: paymentReferenceForInvoice(number).electronic,
    status: 'overdue',
    ...fields,
  });
  const compose = (
    invoices: Invoice[],
    providerLink?: (invoice: Invoice, asked: Money) => Promise<string | undefined>,
  ) =>
    composeLetter({
      step: reminder,
      legal: {
        chargeInterest: true,
        chargeCosts: true,
        businessCosts: 'wik-scale',
        creditorCanDeductVat: true,
        vatRatePercent: 21,
        postalDeliveryDays: 2,
      },
      debtor: { name: 'J. de Vries', language: 'nl' },
      creditor,
      invoices,
      today: '2026-02-10',
      ...(providerLink ? { providerLink } : {}),
    });

  it("is the provider's link for what is asked, beside the invoicing system's link of another invoice", async () => {
    const asked: Money[] = [];
    const composed = await compose(
      [
        invoice('2026-001', { paymentLink: 'https://pay.example.com/i/1' }),
        invoice('2026-002', { openAmount: 120_00 }),
      ],
      async (_invoice, money) => {
        asked.push(money);
        return 'https://mollie.example/pl_1';
      },
    );

    expect(asked).toEqual([{ amount: 120_00, currency: 'EUR' }]);
    expect(composed.email.html).toContain('https://pay.example.com/i/1');
    expect(composed.email.html).toContain('https://mollie.example/pl_1');
  });

  it('shows no button at all when the provider gives no link', async () => {
    const composed = await compose(
      [invoice('2026-001', { paymentLink: 'https://pay.example.com/i/1' }), invoice('2026-002')],
      async () => undefined,
    );

    expect(composed.email.html).not.toContain('https://pay.example.com/i/1');
  });
});
