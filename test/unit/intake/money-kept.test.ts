import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { paidOn } from '../../../functions/core/ledger/invoice-money';
import { parsePaymentReference } from '../../../functions/core/payments/payment-reference';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import {
  creditNoteCreated,
  debtorUpserted,
  invoiceCancelled,
  invoiceCreated,
  invoiceUpdated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { reviewMoneyDaily } from '../../../functions/use-cases/payments/daily-money-review';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-10T10:00:00Z');

/** The intake on the in-memory store, with one debtor. */
async function intake() {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  const deps = { store, workflow, clock: { now: () => NOW }, referenceScheme: 'rf' as const };
  const deliver = async (event: unknown, deliveryId = newId('msg')) =>
    receiveDelivery(deps, { id: deliveryId, event: webhookEvent.parse(event) });
  const debtorId = newId('deb');
  await deliver(debtorUpserted({ id: debtorId }));
  const invoice = async (fields: Record<string, unknown> = {}) => {
    const id = newId('inv');
    await deliver(invoiceCreated({ id, debtorId, dueDate: '2025-02-28', totalAmount: 100_00, ...fields }));
    return id;
  };
  return {
    store,
    workflow,
    debtorId,
    deliver,
    invoice,
    credits: async () => (await store.getDebtor(debtorId))?.credits ?? {},
  };
}

describe('money is never lost', () => {
  it('credits the debtor with what was paid on an invoice that is cancelled', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 40_00 }));

    await world.deliver(invoiceCancelled(id));

    const cancelled = await world.store.getInvoice(id);
    expect(cancelled).toMatchObject({ status: 'cancelled', openAmount: 0, paidAmount: 0 });
    expect(await world.credits()).toEqual({ EUR: 40_00 });
    const entries = await world.store.timeline({ debtorId: world.debtorId });
    expect(entries.filter((e) => e.type === 'overpayment_credited')).toHaveLength(1);
  });

  it('credits the debtor with what was paid beyond a total the invoicing system lowered', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 80_00 }));

    await world.deliver(
      invoiceUpdated({ id, debtorId: world.debtorId, dueDate: '2025-02-28', totalAmount: 50_00 }),
    );

    expect(await world.store.getInvoice(id)).toMatchObject({
      status: 'paid',
      totalAmount: 50_00,
      openAmount: 0,
      paidAmount: 50_00,
    });
    expect(await world.credits()).toEqual({ EUR: 30_00 });
  });

  it('credits what was paid beyond a lowered total of an invoice already paid in full', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 100_00 }));

    await world.deliver(
      invoiceUpdated({ id, debtorId: world.debtorId, dueDate: '2025-02-28', totalAmount: 70_00 }),
    );

    expect(await world.store.getInvoice(id)).toMatchObject({ status: 'paid', totalAmount: 70_00 });
    expect(await world.credits()).toEqual({ EUR: 30_00 });
  });

  it('credits nothing for a credit note on a cancelled invoice that was never paid', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(invoiceCancelled(id));

    await world.deliver(creditNoteCreated({ invoiceId: id, amount: 100_00 }));

    expect(await world.credits()).toEqual({});
  });

  it('credits only what was paid on an invoice whose credit note exceeds what is open', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 30_00 }));

    await world.deliver(creditNoteCreated({ invoiceId: id, amount: 100_00 }));

    expect(await world.store.getInvoice(id)).toMatchObject({ status: 'paid', openAmount: 0, paidAmount: 0 });
    expect(await world.credits()).toEqual({ EUR: 30_00 });
  });

  it('credits a paid-then-cancelled invoice once: a later credit note on it credits nothing more', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 40_00 }));
    await world.deliver(invoiceCancelled(id));

    await world.deliver(creditNoteCreated({ invoiceId: id, amount: 100_00 }));

    expect(await world.credits()).toEqual({ EUR: 40_00 });
  });

  it('books a credit note once when five deliveries of it under fresh webhook ids arrive at once', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 100_00 }));
    const note = creditNoteCreated({ invoiceId: id, amount: 25_00 });

    await Promise.all(Array.from({ length: 5 }, () => world.deliver(note)));

    expect(await world.credits()).toEqual({ EUR: 25_00 });
    expect(await world.store.getCreditNote(note.data.id as string)).toMatchObject({
      creditedToAccount: 25_00,
    });
    const notes = (await world.store.timeline({ invoiceId: id })).filter(
      (e) => e.type === 'credit_note_received',
    );
    expect(notes).toHaveLength(1);
  });
});

describe('credit on the account pays open invoices', () => {
  it('pays a new invoice from credit on the account and starts no dunning for it', async () => {
    const world = await intake();
    const first = await world.invoice({ totalAmount: 121_00 });
    await world.deliver(invoiceCancelled(first));
    await world.deliver(paymentReceived({ debtorId: world.debtorId }, { amount: 121_00 }));
    expect(await world.credits()).toEqual({ EUR: 121_00 });

    const second = await world.invoice({ totalAmount: 121_00 });

    expect(await world.store.getInvoice(second)).toMatchObject({
      status: 'paid',
      openAmount: 0,
      paidAmount: 121_00,
    });
    expect(await world.credits()).toEqual({ EUR: 0 });
    expect(world.workflow.started.filter((s) => s.invoiceId === second)).toEqual([]);
    const onInvoice = await world.store.timeline({ invoiceId: second });
    const onDebtor = await world.store.timeline({ debtorId: world.debtorId });
    expect(onInvoice.filter((e) => e.type === 'credit_set_off')).toHaveLength(1);
    expect(onDebtor.filter((e) => e.type === 'credit_set_off')).toHaveLength(1);
  });

  it('pays the oldest open invoice of the same currency when credit arrives, and stops its dunning', async () => {
    const world = await intake();
    const older = await world.invoice({ dueDate: '2025-02-01' });
    const newer = await world.invoice({ dueDate: '2025-02-20' });
    const pounds = await world.invoice({ dueDate: '2025-02-01', currency: 'GBP' });
    const paid = await world.invoice({ dueDate: '2025-02-25', totalAmount: 50_00 });

    // Paid twice over: the second 50.00 becomes credit, and pays the oldest EUR invoice.
    await world.deliver(paymentReceived({ invoiceId: paid }, { amount: 100_00 }));

    expect(await world.store.getInvoice(older)).toMatchObject({ openAmount: 50_00, paidAmount: 50_00 });
    expect(await world.store.getInvoice(newer)).toMatchObject({ openAmount: 100_00 });
    expect(await world.store.getInvoice(pounds)).toMatchObject({ openAmount: 100_00 });
    expect(await world.credits()).toEqual({ EUR: 0 });
  });

  it('stops the dunning of an overdue invoice that credit on the account settles', async () => {
    const world = await intake();
    const overdue = await world.invoice({ totalAmount: 30_00 });
    const dunned = await world.store.getInvoice(overdue);
    expect(dunned?.dunning?.status).toBe('running');
    const other = await world.invoice({ totalAmount: 10_00 });

    await world.deliver(paymentReceived({ invoiceId: other }, { amount: 40_00 }));

    expect(await world.store.getInvoice(overdue)).toMatchObject({
      status: 'paid',
      dunning: { status: 'stopped' },
    });
    expect(world.workflow.stopped.map((s) => s.execution)).toContain(dunned?.dunning?.execution);
  });

  it('pays an invoice that falls due from credit the account holds, in the daily review', async () => {
    const store = new InMemoryCreditStore();
    const debtor = debtorRecord({ credits: { EUR: 60_00 } });
    const due = invoiceRecord({
      debtorId: debtor.id,
      dueDate: '2025-03-10',
      totalAmount: 60_00,
      openAmount: 60_00,
    });
    await store.commit([
      { kind: 'putDebtor', debtor, expectedVersion: null },
      { kind: 'putInvoice', invoice: due, expectedVersion: null },
    ]);
    const deps = {
      store,
      workflow: new RecordingWorkflow(),
      clock: { now: () => NOW },
      unappliedAfterDays: 7,
    };

    const report = await reviewMoneyDaily(deps);

    expect(report).toMatchObject({ setOff: 1, failed: [] });
    expect(await store.getInvoice(due.id)).toMatchObject({
      status: 'paid',
      openAmount: 0,
      paidAmount: 60_00,
    });
    expect((await store.getDebtor(debtor.id))?.credits).toEqual({ EUR: 0 });
  });

  it('keeps what a credit note credits beyond a paid invoice as money the account holds', async () => {
    const world = await intake();
    const id = await world.invoice();
    await world.deliver(paymentReceived({ invoiceId: id }, { amount: 100_00 }));
    await world.deliver(creditNoteCreated({ invoiceId: id, amount: 40_00 }));

    const invoice = await world.store.getInvoice(id);
    expect(invoice && paidOn(invoice)).toBe(60_00);
    expect(await world.credits()).toEqual({ EUR: 40_00 });
  });
});

describe('payment references', () => {
  it('gives an invoice whose number collides after normalisation a reference of its own', async () => {
    const world = await intake();
    const first = await world.invoice({ number: 'X-2026-001' });
    const second = newId('inv');

    const answer = await world.deliver(
      invoiceCreated({
        id: second,
        debtorId: world.debtorId,
        dueDate: '2025-04-30',
        number: 'x/2026/001',
      }),
    );

    expect(answer.status).toBe(200);
    const [taken, own] = await Promise.all([first, second].map((id) => world.store.getInvoice(id)));
    expect(taken?.paymentReference).toMatch(/^RF\d\dX2026001$/);
    expect(own?.paymentReference).toMatch(/^RF\d\d[0-9A-Z]{21}$/);
    expect(own?.paymentReference).not.toBe(taken?.paymentReference);
    expect(await world.store.findInvoiceIdByReference(own?.paymentReference ?? '')).toBe(second);
  });

  it('gives an invoice whose number is too long for a reference one made from its id, valid as RF', async () => {
    const world = await intake();

    const id = await world.invoice({ number: 'ORDER-2026-000000000000012345-A' });

    const reference = (await world.store.getInvoice(id))?.paymentReference ?? '';
    expect(parsePaymentReference(reference)).toMatchObject({ valid: true });
  });

  it('gives two invoices racing for one reference a reference each', async () => {
    const world = await intake();
    const [a, b] = [newId('inv'), newId('inv')];

    await Promise.all([
      world.deliver(
        invoiceCreated({ id: a, debtorId: world.debtorId, dueDate: '2025-04-30', number: 'R-7' }),
      ),
      world.deliver(
        invoiceCreated({ id: b, debtorId: world.debtorId, dueDate: '2025-04-30', number: 'r/7' }),
      ),
    ]);

    const [first, second] = await Promise.all([a, b].map((id) => world.store.getInvoice(id)));
    expect(first?.paymentReference).toBeDefined();
    expect(second?.paymentReference).toBeDefined();
    expect(first?.paymentReference).not.toBe(second?.paymentReference);
  });
});
