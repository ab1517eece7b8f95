import type { LetterClaim, LetterInput, LetterInvoice } from '../../../functions/templates/letter-input';

export const eur = (cents: number) => ({ amount: cents, currency: 'EUR' });

export const invoice2026001: LetterInvoice = {
  number: '2026-001',
  dueDate: '2026-03-03',
  openAmount: eur(1_234_56),
  daysOverdue: 21,
  paymentLink: 'https://pay.example.com/i/2026-001',
};

export const invoice2026017: LetterInvoice = {
  number: '2026-017',
  dueDate: '2026-03-10',
  openAmount: eur(500_00),
  daysOverdue: 14,
  paymentLink: 'https://pay.example.com/i/2026-017',
};

/** A friendly Dutch reminder for one invoice, with every optional part present. */
export function letter(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    template: 'payment-reminder',
    tone: 'friendly',
    language: 'nl',
    debtor: { name: 'Bakkerij De Korenschoof B.V.' },
    creditor: {
      name: 'Acme Levering B.V.',
      email: 'debiteuren@acme.example',
      phone: '+31 20 123 4567',
      website: 'https://acme.example',
      address: 'Keizersgracht 1\n1015 CC Amsterdam',
      iban: 'NL91ABNA0417164300',
    },
    invoices: [invoice2026001],
    total: eur(1_234_56),
    payment: { reference: 'RF18539007547034', qrPngDataUrl: 'cid:epc-qr' },
    today: '2026-03-24',
    ...overrides,
  };
}

/** Invoice 2026-001 (€ 1.234,56, due 3 March 2026) as GET /claim shows it on 24 March 2026. */
export function claim2026001(overrides: Partial<LetterClaim> = {}): LetterClaim {
  return {
    invoiceNumber: '2026-001',
    debtorKind: 'business',
    interest: 'included',
    figures: {
      asOf: '2026-03-24',
      currency: 'EUR',
      principal: 1_234_56,
      interest: {
        amount: 7_21,
        periods: [{ from: '2026-03-04', to: '2026-03-24', days: 21, ratePercent: 10.15, amount: 7_21 }],
      },
      costs: { amount: 40_00, vat: 0, rule: 'fixed-compensation', dueFrom: '2026-03-04' },
      total: 1_281_77,
    },
    ...overrides,
  };
}
