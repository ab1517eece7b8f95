import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPaymentReferences,
  parsePaymentReference,
  paymentReferenceForInvoice,
  paymentReferenceFromId,
  samePaymentReference,
} from '../../../functions/core/payments/payment-reference';

describe('payment references', () => {
  it('gives an invoice an RF reference by default', () => {
    const reference = paymentReferenceForInvoice('INV-2025/0001');
    expect(reference.scheme).toBe('rf');
    expect(reference.electronic).toMatch(/^RF\d{2}INV20250001$/);
    expect(reference.printed).toBe(reference.electronic.replace(/(.{4})(?=.)/g, '$1 '));
    expect(parsePaymentReference(reference.printed)).toEqual({ valid: true, reference });
  });

  it('gives an invoice a betalingskenmerk where configured', () => {
    const reference = paymentReferenceForInvoice('2025-000123', 'betalingskenmerk');
    expect(reference.scheme).toBe('betalingskenmerk');
    expect(reference.electronic).toMatch(/^\d000002025000123$/);
    expect(parsePaymentReference(reference.printed)).toEqual({ valid: true, reference });
  });

  it('refuses invoice numbers that do not fit the scheme', () => {
    expect(() => paymentReferenceForInvoice('INV-1', 'betalingskenmerk')).toThrow(/1 to 15 digits/);
    expect(() => paymentReferenceForInvoice('A'.repeat(22))).toThrow(/1 to 21 letters or digits/);
    expect(() => paymentReferenceForInvoice('INV#1')).toThrow(/RF reference/);
  });

  it('makes a valid reference of either scheme from any invoice id, the same on every call', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (id, attempt) => {
          for (const scheme of ['rf', 'betalingskenmerk'] as const) {
            const reference = paymentReferenceFromId(id, attempt, scheme);
            expect(parsePaymentReference(reference.electronic)).toEqual({ valid: true, reference });
            expect(paymentReferenceFromId(id, attempt, scheme)).toEqual(reference);
          }
        },
      ),
    );
    expect(paymentReferenceFromId('inv-1', 1).electronic).not.toBe(
      paymentReferenceFromId('inv-1', 2).electronic,
    );
    expect(paymentReferenceFromId('inv-1', 1).electronic).not.toBe(
      paymentReferenceFromId('inv_1', 1).electronic,
    );
  });

  it('recognises and validates an incoming reference of either scheme', () => {
    expect(parsePaymentReference(' rf18 5390 0754 7034 ')).toMatchObject({
      valid: true,
      reference: { scheme: 'rf', electronic: 'RF18539007547034' },
    });
    expect(parsePaymentReference('5010.0021.6701.0010')).toMatchObject({
      valid: true,
      reference: {
        scheme: 'betalingskenmerk',
        electronic: '5010002167010010',
        printed: '5010 0021 6701 0010',
      },
    });
    expect(parsePaymentReference('RF19539007547034')).toEqual({ valid: false, problem: 'checksum' });
    expect(parsePaymentReference('6010002167010010')).toEqual({ valid: false, problem: 'checksum' });
    expect(parsePaymentReference('12345')).toEqual({ valid: false, problem: 'format' });
    expect(parsePaymentReference('factuur 12')).toEqual({ valid: false, problem: 'unrecognised' });
    expect(parsePaymentReference('   ')).toEqual({ valid: false, problem: 'empty' });
  });

  it('treats the printed and electronic forms as the same reference', () => {
    expect(samePaymentReference('RF18 5390 0754 7034', 'rf18539007547034')).toBe(true);
    expect(samePaymentReference('5010.0021.6701.0010', '5010 0021 6701 0010')).toBe(true);
  });

  it('finds references in free remittance text', () => {
    expect(findPaymentReferences('Betaling RF18 5390 0754 7034 dank u').map((r) => r.electronic)).toContain(
      'RF18539007547034',
    );
    expect(findPaymentReferences('kenmerk 5010 0021 6701 0010, factuur 77').map((r) => r.electronic)).toEqual(
      ['5010002167010010'],
    );
    expect(findPaymentReferences('no reference here 1234')).toEqual([]);
  });

  it('validates every reference it makes, in either scheme, from its printed form', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-/ '),
          minLength: 1,
          maxLength: 21,
        }),
        (invoiceNumber) => {
          fc.pre(/[A-Z0-9]/.test(invoiceNumber));
          const reference = paymentReferenceForInvoice(invoiceNumber, 'rf');
          expect(parsePaymentReference(reference.printed)).toEqual({ valid: true, reference });
        },
      ),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (n) => {
        const reference = paymentReferenceForInvoice(String(n), 'betalingskenmerk');
        expect(parsePaymentReference(reference.printed)).toEqual({ valid: true, reference });
      }),
    );
  });
});
