import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { paymentReferenceForInvoice } from '../../../functions/core/payments/payment-reference';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { assignPayment } from '../../../functions/use-cases/payments/assign-payment';
import { reviewMoneyDaily } from '../../../functions/use-cases/payments/daily-money-review';
import { unappliedPayments } from '../../../functions/use-cases/payments/unapplied-payments';
import { Refusal } from '../../../functions/use-cases/refusal';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const DAY_MS = 86_400_000;

/** The intake and the daily review on the in-memory store, on a clock the test moves. */
async function world() {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  let now = new Date('2025-03-10T10:00:00Z');
  const clock = { now: () => now };
  const deps = { store, workflow, clock, referenceScheme: 'rf' as const };
  const deliver = (event: unknown) =>
    receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
  const debtorId = newId('deb');
  await deliver(debtorUpserted({ id: debtorId }));
  return {
    store,
    deps,
    debtorId,
    deliver,
    passDays: (days: number) => {
      now = new Date(now.getTime() + days * DAY_MS);
    },
    review: () => reviewMoneyDaily({ ...deps, unappliedAfterDays: 7 }),
    /** A payment by a valid RF reference that no invoice carries. */
    unmatched: async (amount = 121_00) => {
      const id = newId('pay');
      const reference = paymentReferenceForInvoice(newId('NOPE').replace('-', '')).electronic;
      await deliver(paymentReceived({ reference }, { id, amount }));
      return id;
    },
  };
}

describe('unapplied cash', () => {
  it('turns a payment that matched nothing for a week into unapplied cash with a task for a controller', async () => {
    const w = await world();
    const paymentId = await w.unmatched();

    w.passDays(6);
    expect((await w.review()).unapplied).toBe(0);
    w.passDays(2);
    const report = await w.review();

    expect(report.unapplied).toBe(1);
    expect(await unappliedPayments(w.store)).toEqual([
      expect.objectContaining({ id: paymentId, amount: 121_00, currency: 'EUR', status: 'unapplied' }),
    ]);
    expect(await w.store.listOpenTasks()).toEqual([
      expect.objectContaining({ kind: 'unapplied_payment', paymentId, id: `unapplied--${paymentId}` }),
    ]);
    // The next day's review finds nothing new.
    w.passDays(1);
    expect((await w.review()).unapplied).toBe(0);
    expect(await w.store.listOpenTasks()).toHaveLength(1);
  });

  it('applies unapplied cash assigned to an invoice, credits the rest to its debtor, and closes the task', async () => {
    const w = await world();
    const paymentId = await w.unmatched(150_00);
    const invoiceId = newId('inv');
    await w.deliver(
      invoiceCreated({ id: invoiceId, debtorId: w.debtorId, dueDate: '2025-04-30', totalAmount: 100_00 }),
    );
    w.passDays(8);
    await w.review();

    await assignPayment(w.deps, { paymentId, target: { invoiceId }, by: 'controller-1' });

    expect(await w.store.getInvoice(invoiceId)).toMatchObject({ status: 'paid', paidAmount: 100_00 });
    expect((await w.store.getDebtor(w.debtorId))?.credits).toEqual({ EUR: 50_00 });
    expect(await w.store.getPayment(paymentId)).toMatchObject({
      appliedAmount: 100_00,
      debtorId: w.debtorId,
    });
    expect(await unappliedPayments(w.store)).toEqual([]);
    expect(await w.store.listOpenTasks()).toEqual([]);
  });

  it('puts unapplied cash assigned to a debtor on their account', async () => {
    const w = await world();
    const paymentId = await w.unmatched(80_00);
    w.passDays(8);
    await w.review();

    await assignPayment(w.deps, { paymentId, target: { debtorId: w.debtorId }, by: 'controller-1' });

    expect((await w.store.getDebtor(w.debtorId))?.credits).toEqual({ EUR: 80_00 });
  });

  it('assigns a payment once: the second assignment, even at the same moment, is refused with a conflict', async () => {
    const w = await world();
    const paymentId = await w.unmatched(80_00);
    w.passDays(8);
    await w.review();

    const answers = await Promise.allSettled([
      assignPayment(w.deps, { paymentId, target: { debtorId: w.debtorId }, by: 'controller-1' }),
      assignPayment(w.deps, { paymentId, target: { debtorId: w.debtorId }, by: 'controller-2' }),
    ]);

    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = answers.find((a) => a.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toEqual(
      expect.objectContaining({ kind: 'conflict', code: 'payment_already_assigned' }),
    );
    expect((await w.store.getDebtor(w.debtorId))?.credits).toEqual({ EUR: 80_00 });
  });

  it('refuses to assign a payment to an invoice in another currency, or to an unknown invoice', async () => {
    const w = await world();
    const paymentId = await w.unmatched(80_00);
    const pounds = newId('inv');
    await w.deliver(
      invoiceCreated({ id: pounds, debtorId: w.debtorId, dueDate: '2025-04-30', currency: 'GBP' }),
    );
    w.passDays(8);
    await w.review();

    const other = assignPayment(w.deps, { paymentId, target: { invoiceId: pounds }, by: 'c' });
    const unknown = assignPayment(w.deps, { paymentId, target: { invoiceId: 'nope' }, by: 'c' });

    await expect(other).rejects.toEqual(expect.objectContaining({ code: 'currency_mismatch' }));
    await expect(unknown).rejects.toBeInstanceOf(Refusal);
    expect(await unappliedPayments(w.store)).toHaveLength(1);
  });

  it('lets an invoice that arrives in time take its parked payment, and never makes that payment unapplied', async () => {
    const w = await world();
    const number = `LATE${newId('x').slice(2)}`;
    const reference = paymentReferenceForInvoice(number).electronic;
    const paymentId = newId('pay');
    await w.deliver(paymentReceived({ reference }, { id: paymentId, amount: 100_00 }));
    w.passDays(3);
    await w.deliver(
      invoiceCreated({
        id: newId('inv'),
        number,
        debtorId: w.debtorId,
        dueDate: '2025-04-30',
        totalAmount: 100_00,
      }),
    );
    w.passDays(8);

    expect((await w.review()).unapplied).toBe(0);
    expect(await w.store.getPayment(paymentId)).toBeDefined();
  });
});
