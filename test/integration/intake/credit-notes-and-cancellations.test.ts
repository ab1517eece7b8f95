import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceRecord } from '../../../functions/ports/credit-store';
import {
  creditNoteCreated,
  debtorUpserted,
  invoiceCancelled,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { type IntakeWorld, intakeWorld } from './webhook-harness';

describe('credit notes and cancellations close invoices and end their dunning', () => {
  let world: IntakeWorld;
  let debtorId: string;

  beforeAll(async () => {
    world = await intakeWorld('2025-03-10');
    debtorId = newId('deb');
    await world.deliver(debtorUpserted({ id: debtorId }));
  });

  afterAll(() => world.close());

  async function overdueInvoice(totalAmount: number, of = debtorId): Promise<InvoiceRecord> {
    const invoiceId = newId('inv');
    await world.deliver(invoiceCreated({ id: invoiceId, debtorId: of, dueDate: '2025-02-28', totalAmount }));
    const invoice = await world.store.getInvoice(invoiceId);
    if (invoice?.dunning?.status !== 'running') throw new Error('the overdue invoice should be dunned');
    return invoice;
  }

  it('settles an invoice that a credit note clears and stops its dunning', async () => {
    const invoice = await overdueInvoice(200_00);

    const answer = await world.deliver(creditNoteCreated({ invoiceId: invoice.id, amount: 200_00 }));

    expect(answer.status).toBe(200);
    const credited = await world.store.getInvoice(invoice.id);
    expect(credited).toMatchObject({ status: 'paid', openAmount: 0 });
    expect(credited?.dunning?.status).toBe('stopped');
    expect(world.workflow.stoppedFor(invoice.id)).toEqual([
      { execution: invoice.dunning?.execution, reason: 'credited' },
    ]);
  });

  it('lowers the open amount by a partial credit note and lets the dunning go on', async () => {
    const invoice = await overdueInvoice(200_00);

    await world.deliver(creditNoteCreated({ invoiceId: invoice.id, amount: 50_00 }));

    expect(await world.store.getInvoice(invoice.id)).toMatchObject({ status: 'overdue', openAmount: 150_00 });
    expect(world.workflow.stoppedFor(invoice.id)).toEqual([]);
  });

  it('credits a credit note once when it is sent again under a new delivery id', async () => {
    const invoice = await overdueInvoice(200_00);
    const note = creditNoteCreated({ invoiceId: invoice.id, amount: 50_00 });

    await world.deliver(note);
    await world.deliver(note);

    expect((await world.store.getInvoice(invoice.id))?.openAmount).toBe(150_00);
  });

  it('keeps what a credit note credits beyond the open amount as credit for the debtor', async () => {
    // A debtor with no other open invoice, which the credit would pay at once.
    const alone = newId('deb');
    await world.deliver(debtorUpserted({ id: alone }));
    const before = (await world.store.getDebtor(alone))?.credits.EUR ?? 0;
    const invoice = await overdueInvoice(200_00, alone);
    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 150_00 }));

    await world.deliver(creditNoteCreated({ invoiceId: invoice.id, amount: 200_00 }));

    expect(await world.store.getInvoice(invoice.id)).toMatchObject({ status: 'paid', openAmount: 0 });
    expect((await world.store.getDebtor(alone))?.credits.EUR).toBe(before + 150_00);
  });

  it('cancels an invoice and stops its dunning without counting it as cured', async () => {
    const invoice = await overdueInvoice(300_00);

    const answer = await world.deliver(invoiceCancelled(invoice.id));

    expect(answer.status).toBe(200);
    const cancelled = await world.store.getInvoice(invoice.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', openAmount: 0 });
    expect(cancelled?.dunning?.status).toBe('stopped');
    expect(cancelled?.dunning?.curedAfter).toBeUndefined();
    expect(world.workflow.stoppedFor(invoice.id)).toHaveLength(1);
  });

  it('leaves a paid invoice paid when a cancellation comes after the payment, and says so on its timeline', async () => {
    const invoice = await overdueInvoice(40_00);
    await world.deliver(paymentReceived({ invoiceId: invoice.id }, { amount: 40_00 }));

    await world.deliver(invoiceCancelled(invoice.id));

    expect((await world.store.getInvoice(invoice.id))?.status).toBe('paid');
    const note = (await world.store.timeline({ invoiceId: invoice.id })).find(
      (e) => e.type === 'invoice_cancelled',
    );
    expect(note?.summary).toMatch(/after it was paid/);
  });

  it('parks a cancellation of an invoice not known yet and cancels the invoice when it arrives', async () => {
    const invoiceId = newId('inv');

    const early = await world.deliver(invoiceCancelled(invoiceId));
    await world.deliver(invoiceCreated({ id: invoiceId, debtorId, dueDate: '2025-02-28' }));

    expect(early.status).toBe(202);
    expect((await world.store.getInvoice(invoiceId))?.status).toBe('cancelled');
    // Cancelled before it could be dunned: no execution was ever started.
    expect(world.workflow.startedFor(invoiceId)).toEqual([]);
  });
});
