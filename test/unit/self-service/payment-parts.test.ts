import { describe, expect, it } from 'vitest';
import { selfServiceForm } from '../../../functions/api/schemas/self-service-schemas';
import { splitPayment } from '../../../functions/core/self-service/payment-parts';

const asked = [
  { invoiceId: 'inv-old', amount: 300_00 },
  { invoiceId: 'inv-new', amount: 200_00 },
];

describe('what a payment from the page pays on each chosen invoice', () => {
  it('pays everything the chosen invoices ask when no amount is typed', () => {
    expect(splitPayment(asked, undefined, undefined)).toEqual({ valid: true, parts: asked, total: 500_00 });
  });

  it('pays a part oldest first when the amount is at least the minimum', () => {
    expect(splitPayment(asked, 350_00, 25_00)).toEqual({
      valid: true,
      parts: [
        { invoiceId: 'inv-old', amount: 300_00 },
        { invoiceId: 'inv-new', amount: 50_00 },
      ],
      total: 350_00,
    });
    expect(splitPayment(asked, 25_00, 25_00)).toMatchObject({
      parts: [{ invoiceId: 'inv-old', amount: 25_00 }],
    });
  });

  it('refuses a part below the minimum, more than is asked, or any part where no minimum is configured', () => {
    expect(splitPayment(asked, 24_99, 25_00)).toMatchObject({ valid: false });
    expect(splitPayment(asked, 500_01, 25_00)).toMatchObject({ valid: false });
    expect(splitPayment(asked, 100_00, undefined)).toMatchObject({ valid: false });
    expect(splitPayment(asked, 500_00, undefined)).toMatchObject({ valid: true, total: 500_00 });
  });

  it('takes a minimum above what is asked as the whole amount', () => {
    expect(splitPayment([{ invoiceId: 'inv-small', amount: 10_00 }], 10_00, 25_00)).toMatchObject({
      valid: true,
      total: 10_00,
    });
    expect(splitPayment([{ invoiceId: 'inv-small', amount: 10_00 }], 5_00, 25_00)).toMatchObject({
      valid: false,
    });
  });

  it('reads the chosen invoices of the pay form, one per line as the page posts them', () => {
    const parsed = selfServiceForm.safeParse({
      action: 'pay',
      nonce: 'n',
      csrf: 'c',
      invoiceIds: 'inv-1\ninv-2',
      amount: '',
    });
    expect(parsed.success && parsed.data).toMatchObject({ invoiceIds: ['inv-1', 'inv-2'] });
    const none = selfServiceForm.safeParse({ action: 'pay', nonce: 'n', csrf: 'c', invoiceIds: '' });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(['invoiceIds']);
  });
});
