import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  debtorUpserted,
  invoiceCreated,
  invoiceUpdated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld } from './webhook-harness';

describe('events that arrive before the record they are about are kept and applied when it comes', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  it('parks a payment that comes before its invoice with 202, and books it when the invoice arrives', async () => {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    const paymentId = newId('pay');
    await world.deliver(debtorUpserted({ id: debtorId }));

    const early = await world.deliver(paymentReceived({ invoiceId }, { id: paymentId, amount: 300_00 }));
    expect(early).toEqual({ status: 202, body: { status: 'parked', waitingFor: `invoice:${invoiceId}` } });
    expect(await world.store.getPayment(paymentId)).toBeUndefined();

    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-03-31', totalAmount: 1_000_00 }),
    );

    expect((await world.store.getInvoice(invoiceId))?.openAmount).toBe(700_00);
    expect(await world.store.getPayment(paymentId)).toMatchObject({ invoiceId, appliedAmount: 300_00 });
    expect(await world.store.parked(`invoice:${invoiceId}`)).toEqual([]);
  });

  it('applies an update that came before its create once the invoice is created', async () => {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    const number = 'F2025-UPD1';
    await world.deliver(debtorUpserted({ id: debtorId }));

    const update = await world.deliver(
      invoiceUpdated({ id: invoiceId, debtorId, number, dueDate: '2025-04-15', totalAmount: 1_250_00 }),
    );
    expect(update.status).toBe(202);

    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, number, dueDate: '2025-03-31', totalAmount: 1_000_00 }),
    );

    expect(await world.store.getInvoice(invoiceId)).toMatchObject({
      dueDate: '2025-04-15',
      totalAmount: 1_250_00,
      openAmount: 1_250_00,
    });
    const types = (await world.store.timeline({ invoiceId })).map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['invoice_received', 'invoice_updated']));
  });

  it('keeps an invoice that comes before its debtor, stores it when the debtor arrives, and duns it at once if overdue', async () => {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');

    const early = await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28' }));
    expect(early).toEqual({ status: 202, body: { status: 'parked', waitingFor: `debtor:${debtorId}` } });
    expect(await world.store.getInvoice(invoiceId)).toBeUndefined();

    await world.deliver(debtorUpserted({ id: debtorId }));

    expect(await world.store.getInvoice(invoiceId)).toMatchObject({ debtorId, status: 'overdue' });
    expect(world.workflow.startedFor(invoiceId)).toHaveLength(1);
  });

  it('books a payment that came before its invoice, which came before its debtor, once the debtor arrives', async () => {
    const debtorId = newId('deb');
    const invoiceId = newId('inv');

    await world.deliver(paymentReceived({ invoiceId }, { amount: 1_000_00 }));
    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28', totalAmount: 1_000_00 }),
    );
    await world.deliver(debtorUpserted({ id: debtorId }));

    expect(await world.store.getInvoice(invoiceId)).toMatchObject({ status: 'paid', openAmount: 0 });
    // Paid before it could be dunned: no execution is started for an invoice with nothing left to pay.
    expect(world.workflow.startedFor(invoiceId)).toEqual([]);
  });

  it('parks a payment to a debtor not known yet and applies it to their invoices later', async () => {
    const debtorId = newId('deb');
    const paymentId = newId('pay');

    const early = await world.deliver(paymentReceived({ debtorId }, { id: paymentId, amount: 50_00 }));
    expect(early.body).toEqual({ status: 'parked', waitingFor: `debtor:${debtorId}` });

    await world.deliver(debtorUpserted({ id: debtorId }));

    expect(await world.store.getPayment(paymentId)).toMatchObject({ debtorId, appliedAmount: 0 });
    expect((await world.store.getDebtor(debtorId))?.credits).toEqual({ EUR: 50_00 });
  });
});
