import { describe, expect, it } from 'vitest';
import type { PaymentProvider, ProviderPaymentStatus } from '../../../functions/ports/payment-provider';
import { paymentOnReturn } from '../../../functions/use-cases/self-service/payment-return';
import type { SelfServiceDeps } from '../../../functions/use-cases/self-service/self-service-deps';

const started = {
  outcome: 'payment_started',
  values: { amount: '€ 640,00', invoices: 'F-1', paymentId: 'tr_1' },
};

/** Only the provider is asked on the return; the rest of the page's ports are not touched. */
function depsWith(status: ProviderPaymentStatus | 'unknown' | 'down'): SelfServiceDeps {
  const provider: Pick<PaymentProvider, 'getPayment'> = {
    getPayment: async (id) => {
      if (status === 'down') throw new Error('provider unreachable');
      if (status === 'unknown') return undefined;
      return { id, status, amount: { amount: 640_00, currency: 'EUR' }, description: 'Factuur F-1' };
    },
  };
  return { payments: { provider, webhookUrl: 'https://api.example/webhooks/mollie' } } as SelfServiceDeps;
}

describe('the page a debtor returns to from the checkout', () => {
  it.each([
    ['paid', 'payment_paid'],
    ['open', 'payment_open'],
    ['pending', 'payment_open'],
    ['authorized', 'payment_open'],
    ['canceled', 'payment_canceled'],
    ['expired', 'payment_failed'],
    ['failed', 'payment_failed'],
  ] as const)('says what the provider says of a %s payment', async (status, outcome) => {
    expect(await paymentOnReturn(depsWith(status), started)).toEqual({ outcome, values: started.values });
  });

  it('shows the payment as recorded when the provider does not answer or does not know it', async () => {
    expect(await paymentOnReturn(depsWith('down'), started)).toBe(started);
    expect(await paymentOnReturn(depsWith('unknown'), started)).toBe(started);
  });

  it('leaves the result of another form, or a payment stored without its id, as it is', async () => {
    const promise = { outcome: 'promise_taken', values: { invoice: 'F-1', date: '2026-03-20' } };
    expect(await paymentOnReturn(depsWith('paid'), promise)).toBe(promise);
    const old = { outcome: 'payment_started', values: { amount: '€ 640,00', invoices: 'F-1' } };
    expect(await paymentOnReturn(depsWith('paid'), old)).toBe(old);
  });
});
