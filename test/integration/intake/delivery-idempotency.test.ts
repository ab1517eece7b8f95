import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld, signedHeaders } from './webhook-harness';

describe('each delivery of the invoicing system is handled once', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  async function openInvoice(totalAmount: number): Promise<string> {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    await world.deliver(debtorUpserted({ id: debtorId }));
    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-31', totalAmount }));
    return invoiceId;
  }

  async function paymentsOn(invoiceId: string) {
    return (await world.store.timeline({ invoiceId })).filter((entry) => entry.type === 'payment_received');
  }

  it('answers a delivery sent again with its first answer and books the payment once', async () => {
    const invoiceId = await openInvoice(100_00);
    const payment = paymentReceived({ invoiceId }, { amount: 40_00 });

    const first = await world.deliver(payment, { id: 'msg-pay-twice' });
    const again = await world.deliver(payment, { id: 'msg-pay-twice' });

    expect(first).toEqual({ status: 200, body: { status: 'applied' } });
    expect(again).toEqual(first);
    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(60_00);
    expect(await paymentsOn(invoiceId)).toHaveLength(1);
  });

  it('books a payment once when the invoicing system sends it again under a new delivery id', async () => {
    const invoiceId = await openInvoice(100_00);
    const payment = paymentReceived({ invoiceId }, { amount: 40_00 });

    await world.deliver(payment);
    const resent = await world.deliver(payment);

    expect(resent.status).toBe(200);
    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(60_00);
    expect(await paymentsOn(invoiceId)).toHaveLength(1);
  });

  it('gives a parked event the same 202 again when its delivery is repeated', async () => {
    const invoiceId = newId('inv');
    const payment = paymentReceived({ invoiceId }, { amount: 10_00 });

    const first = await world.deliver(payment, { id: 'msg-parked-twice' });
    const again = await world.deliver(payment, { id: 'msg-parked-twice' });

    expect(first).toEqual({ status: 202, body: { status: 'parked', waitingFor: `invoice:${invoiceId}` } });
    expect(again).toEqual(first);
    expect(await world.store.parked(`invoice:${invoiceId}`)).toHaveLength(1);
  });

  it('has one effect when identical deliveries arrive at the same moment, and answers each the same', async () => {
    const invoiceId = await openInvoice(100_00);
    const body = JSON.stringify(paymentReceived({ invoiceId }, { amount: 25_00 }));
    const headers = signedHeaders(body, { id: 'msg-racing' });

    const answers = await Promise.all(Array.from({ length: 4 }, () => world.post(body, headers)));

    for (const answer of answers) expect(answer).toEqual({ status: 200, body: { status: 'applied' } });
    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(75_00);
    expect(await paymentsOn(invoiceId)).toHaveLength(1);
  });

  it('lets two different payments for one invoice at the same moment both count', async () => {
    const invoiceId = await openInvoice(100_00);

    const answers = await Promise.all([
      world.deliver(paymentReceived({ invoiceId }, { amount: 30_00 })),
      world.deliver(paymentReceived({ invoiceId }, { amount: 20_00 })),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(50_00);
    expect(await paymentsOn(invoiceId)).toHaveLength(2);
  });
});
