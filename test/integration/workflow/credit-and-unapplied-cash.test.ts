import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import { newId, paymentReceived } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, sweep } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. Invoices due on 1 March are overdue on arrival.
const START = new Date('2026-03-02T05:00:00Z');

interface UnappliedList {
  payments: { id: string; amount: number; currency: string; status: string }[];
}

describe('money on account and money that matches nothing', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('pays a new invoice from credit the debtor holds, and sends that debtor no reminder', async () => {
    const debtor = await businessDebtor(h);
    expect((await h.post(paymentReceived({ debtorId: debtor.id }, { amount: 121_00 }))).status).toBe(200);

    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 121_00 });
    await h.advanceDays(20);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('paid');
    expect(view.openAmount).toBe(0);
    expect(view.timeline.map((e) => e.type)).toContain('credit_set_off');
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);
    const account = await h.get<{ debtor: { credits: Record<string, number> } }>(`/debtors/${debtor.id}`);
    expect(account.body.debtor.credits).toEqual({ EUR: 0 });
  });

  it('turns a payment whose reference matches nothing into unapplied cash after a week, and lets a controller assign it once', async () => {
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 300_00 });
    const reference = paymentReferenceForInvoice(`NOINVOICE${newId('x').slice(2)}`).electronic;
    const paymentId = newId('pay');
    const parked = await h.post(paymentReceived({ reference }, { id: paymentId, amount: 300_00 }));
    expect(parked.status).toBe(202);

    await h.advanceDays(8);
    await sweep(h);

    const listed = await h.get<UnappliedList>('/payments/unapplied');
    expect(listed.status).toBe(200);
    expect(listed.body.payments).toEqual([
      expect.objectContaining({ id: paymentId, amount: 300_00, currency: 'EUR', status: 'unapplied' }),
    ]);
    const tasks = await h.get<{ tasks: { kind: string; paymentId?: string }[] }>('/tasks');
    expect(tasks.body.tasks).toContainEqual(
      expect.objectContaining({ kind: 'unapplied_payment', paymentId }),
    );

    const assigned = await h.send('POST', `/payments/${paymentId}/assignment`, { to: 'invoice', id: inv.id });
    const again = await h.send('POST', `/payments/${paymentId}/assignment`, { to: 'debtor', id: debtor.id });

    expect(assigned.status).toBe(200);
    expect(again.status).toBe(409);
    await eventually(async () => {
      const view = await invoiceView(h, inv.id);
      expect(view.status).toBe('paid');
      expect(view.dunning?.executionStatus).toBe('ABORTED');
    });
    expect((await h.get<UnappliedList>('/payments/unapplied')).body.payments).toEqual([]);
  });
});
