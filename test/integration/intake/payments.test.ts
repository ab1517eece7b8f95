import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceRecord } from '../../../functions/ports/credit-store';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld } from './webhook-harness';

describe('payments lower what is open, and a full payment ends the dunning', () => {
  let world: IntakeWorld;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
  });

  afterAll(() => world.close());

  async function newDebtor(): Promise<string> {
    const debtorId = newId('deb');
    await world.deliver(debtorUpserted({ id: debtorId }));
    return debtorId;
  }

  /** An invoice due on 28 February: overdue on arrival, so its dunning runs. */
  async function overdueInvoice(debtorId: string, totalAmount: number): Promise<InvoiceRecord> {
    const invoiceId = newId('inv');
    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28', totalAmount }));
    const invoice = await world.store.getInvoice(invoiceId);
    if (!invoice?.dunning) throw new Error('the overdue invoice should be dunned');
    return invoice;
  }

  /** What the workflow's first reminder task records on the invoice. */
  async function firstReminderSent(invoiceId: string): Promise<void> {
    const current = await world.store.getInvoice(invoiceId);
    if (!current?.dunning) throw new Error('no dunning to record a step on');
    const lastStep = { slot: 'firstReminder' as const, status: 'sent' as const, at: '2025-03-03T08:00:00Z' };
    await world.store.commit([
      {
        kind: 'putInvoice',
        invoice: { ...current, dunning: { ...current.dunning, lastStep }, version: current.version + 1 },
        expectedVersion: current.version,
      },
    ]);
  }

  it('lowers the open amount by a partial payment and lets the dunning go on for the rest', async () => {
    const invoice = await overdueInvoice(await newDebtor(), 1_000_00);

    const answer = await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 400_00 }));

    expect(answer.status).toBe(200);
    const after = await world.store.getInvoice(invoice.id);
    expect(after).toMatchObject({ status: 'overdue', openAmount: 600_00 });
    expect(after?.dunning?.status).toBe('running');
    expect(world.workflow.stoppedFor(invoice.id)).toEqual([]);
    const entry = (await world.store.timeline({ invoiceId: invoice.id })).find(
      (e) => e.type === 'payment_received',
    );
    expect(entry?.summary).toContain('€600.00 still open');
  });

  it('closes an invoice paid in full, stops its execution and records the step it was cured after', async () => {
    const debtorId = await newDebtor();
    const invoice = await overdueInvoice(debtorId, 1_000_00);
    await firstReminderSent(invoice.id);

    await world.deliver(
      paymentReceived(
        { invoiceId: invoice.id },
        { amount: 1_000_00, receivedAt: '2025-03-10T09:30:00+01:00' },
      ),
    );

    const paid = await world.store.getInvoice(invoice.id);
    expect(paid).toMatchObject({ status: 'paid', openAmount: 0, closedAt: '2025-03-10T09:30:00+01:00' });
    expect(paid?.dunning).toMatchObject({ status: 'stopped', curedAfter: 'firstReminder' });
    expect(world.workflow.stoppedFor(invoice.id)).toEqual([
      { execution: invoice.dunning?.execution, reason: 'paid' },
    ]);
    const types = (await world.store.timeline({ invoiceId: invoice.id })).map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['payment_received', 'invoice_paid']));
  });

  it('counts a late full payment in the debtor\u2019s payment behaviour: 10 days late from 28 February to 10 March', async () => {
    const debtorId = await newDebtor();
    const invoice = await overdueInvoice(debtorId, 250_00);

    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 250_00 }));

    expect((await world.store.getDebtor(debtorId))?.behaviour).toEqual({
      invoicesPaid: 1,
      invoicesPaidLate: 1,
      totalDaysLate: 10,
      escalations: 0,
    });
  });

  it('records curedAfter "none" for an invoice paid before any step acted, and counts an on-time payment as not late', async () => {
    const debtorId = await newDebtor();
    const early = newId('inv');
    await world.deliver(invoiceCreated({ id: early, debtorId, dueDate: '2025-03-31', totalAmount: 80_00 }));
    const overdue = await overdueInvoice(debtorId, 90_00);

    await world.deliver(paymentReceived({ invoiceId: early }, { amount: 80_00 }));
    await world.deliver(paymentReceived({ invoiceId: overdue.id }, { amount: 90_00 }));

    expect((await world.store.getInvoice(overdue.id))?.dunning?.curedAfter).toBe('none');
    expect((await world.store.getDebtor(debtorId))?.behaviour).toMatchObject({
      invoicesPaid: 2,
      invoicesPaidLate: 1,
    });
  });

  it('credits an overpayment to the debtor\u2019s account in the payment\u2019s currency', async () => {
    const debtorId = await newDebtor();
    const invoice = await overdueInvoice(debtorId, 100_00);
    const paymentId = newId('pay');

    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { id: paymentId, amount: 130_00 }));

    expect((await world.store.getInvoice(invoice.id))?.status).toBe('paid');
    expect((await world.store.getDebtor(debtorId))?.credits).toEqual({ EUR: 30_00 });
    expect(await world.store.getPayment(paymentId)).toMatchObject({ amount: 130_00, appliedAmount: 100_00 });
    const credited = (await world.store.timeline({ invoiceId: invoice.id })).find(
      (entry) => entry.type === 'overpayment_credited',
    );
    expect(credited?.details).toMatchObject({ amount: 30_00, currency: 'EUR' });
  });

  it('matches a payment by its RF reference as the debtor typed it: with spaces and in lower case', async () => {
    const debtorId = await newDebtor();
    const invoice = await overdueInvoice(debtorId, 720_00);
    const typed = invoice.paymentReference.toLowerCase().replace(/(.{4})/g, '$1 ');

    const answer = await world.deliver(paymentReceived({ reference: typed }, { amount: 720_00 }));

    expect(answer).toEqual({ status: 200, body: { status: 'applied' } });
    expect((await world.store.getInvoice(invoice.id))?.status).toBe('paid');
    expect(world.workflow.stoppedFor(invoice.id)).toHaveLength(1);
  });

  it('applies a payment on the debtor\u2019s account to the oldest open invoices first', async () => {
    const debtorId = await newDebtor();
    const [newest, oldest, middle] = [newId('inv'), newId('inv'), newId('inv')];
    await world.deliver(invoiceCreated({ id: newest, debtorId, dueDate: '2025-03-20', totalAmount: 100_00 }));
    await world.deliver(invoiceCreated({ id: oldest, debtorId, dueDate: '2025-02-01', totalAmount: 100_00 }));
    await world.deliver(invoiceCreated({ id: middle, debtorId, dueDate: '2025-02-15', totalAmount: 100_00 }));

    await world.deliver(paymentReceived({ debtorId }, { amount: 150_00 }));

    expect(await world.store.getInvoice(oldest)).toMatchObject({ status: 'paid', openAmount: 0 });
    expect(await world.store.getInvoice(middle)).toMatchObject({ status: 'overdue', openAmount: 50_00 });
    expect(await world.store.getInvoice(newest)).toMatchObject({ status: 'open', openAmount: 100_00 });
    expect(world.workflow.stoppedFor(oldest)).toHaveLength(1);
    expect(world.workflow.stoppedFor(middle)).toEqual([]);
  });

  it('keeps a payment to an invoice already paid as credit instead of reopening anything', async () => {
    const debtorId = await newDebtor();
    const invoice = await overdueInvoice(debtorId, 60_00);
    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 60_00 }));

    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 60_00 }));

    expect(await world.store.getInvoice(invoice.id)).toMatchObject({ status: 'paid', openAmount: 0 });
    expect((await world.store.getDebtor(debtorId))?.credits).toEqual({ EUR: 60_00 });
  });
});
