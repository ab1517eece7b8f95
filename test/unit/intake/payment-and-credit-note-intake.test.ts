import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import type { DunningState } from '../../../functions/core/dunning/dunning-state';
import type { DebtorRecord, InvoiceRecord } from '../../../functions/ports/credit-store';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { debtorRecord, invoiceRecord, newId } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-10T10:00:00Z');

function runningDunning(invoiceId: string): DunningState {
  return {
    status: 'running',
    policyId: 'business-standard',
    policyVersion: 1,
    segmentReason: 'default',
    execution: `${invoiceId}--1`,
    attempt: 1,
    schedule: Object.fromEntries(
      DUNNING_SLOTS.map((slot) => [slot, '2025-03-05T08:00:00.000Z']),
    ) as DunningState['schedule'],
    callWindowSeconds: 3 * 86_400,
  };
}

/** The intake on the in-memory store: a debtor with one overdue invoice whose dunning runs. */
async function intake(invoice: Partial<InvoiceRecord> = {}) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  const debtor: DebtorRecord = debtorRecord();
  const id = newId('inv');
  const overdue = invoiceRecord({
    id,
    debtorId: debtor.id,
    status: 'overdue',
    dunning: runningDunning(id),
    ...invoice,
  });
  await store.commit([
    { kind: 'putDebtor', debtor, expectedVersion: null },
    { kind: 'putInvoice', invoice: overdue, expectedVersion: null },
  ]);
  const deps = { store, workflow, clock: { now: () => NOW }, referenceScheme: 'rf' as const };
  return {
    store,
    workflow,
    debtor,
    invoice: overdue,
    /** One delivery of the webhook, under a fresh delivery id unless one is given. */
    deliver: (event: unknown, deliveryId = newId('msg')) =>
      receiveDelivery(deps, { id: deliveryId, event: webhookEvent.parse(event) }),
  };
}

function payment(invoiceId: string, amount: number, id = newId('pay')) {
  return {
    type: 'payment.received',
    timestamp: NOW.toISOString(),
    data: { id, invoiceId, amount, currency: 'EUR', receivedAt: '2025-03-10T08:15:00+01:00' },
  };
}

function creditNote(invoiceId: string, amount: number, id = newId('cn')) {
  return { type: 'credit_note.created', timestamp: NOW.toISOString(), data: { id, invoiceId, amount } };
}

describe('the intake of payments', () => {
  it('closes an invoice paid in full, books the payment and stops its dunning', async () => {
    const world = await intake({ openAmount: 1_000_00 });

    await world.deliver(payment(world.invoice.id, 1_000_00, 'pay-full'));

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({
      status: 'paid',
      openAmount: 0,
      dunning: { status: 'stopped', stoppedReason: 'paid', curedAfter: 'none' },
    });
    expect(await world.store.getPayment('pay-full')).toMatchObject({
      amount: 1_000_00,
      appliedAmount: 1_000_00,
    });
    expect(world.workflow.stopped).toEqual([{ execution: world.invoice.dunning?.execution, reason: 'paid' }]);
  });

  it('books a payment once when the invoicing system sends it again under a new delivery id', async () => {
    const world = await intake({ openAmount: 1_000_00 });

    await world.deliver(payment(world.invoice.id, 300_00, 'pay-twice'));
    await world.deliver(payment(world.invoice.id, 300_00, 'pay-twice'));

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({
      status: 'overdue',
      openAmount: 700_00,
    });
  });

  it('has one effect when the same delivery arrives twice at the same moment', async () => {
    const world = await intake({ openAmount: 1_000_00 });
    const event = payment(world.invoice.id, 300_00);

    await Promise.all([world.deliver(event, 'msg-same'), world.deliver(event, 'msg-same')]);

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({ openAmount: 700_00, version: 2 });
  });

  it('lets two different payments for one invoice at the same moment both count', async () => {
    const world = await intake({ openAmount: 1_000_00 });

    await Promise.all([
      world.deliver(payment(world.invoice.id, 300_00)),
      world.deliver(payment(world.invoice.id, 200_00)),
    ]);

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({ openAmount: 500_00, version: 3 });
    expect(
      (await world.store.timeline({ invoiceId: world.invoice.id })).filter(
        (e) => e.type === 'payment_received',
      ),
    ).toHaveLength(2);
  });
});

describe('the intake of credit notes', () => {
  it('keeps what a credit note credits beyond the open amount as credit for the debtor', async () => {
    // Partly paid before: 300.00 of 1 000.00 is still open.
    const world = await intake({ openAmount: 300_00 });

    await world.deliver(creditNote(world.invoice.id, 500_00));

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({ status: 'paid', openAmount: 0 });
    expect(await world.store.getDebtor(world.debtor.id)).toMatchObject({
      credits: { EUR: 200_00 },
      version: 2,
    });
    expect(world.workflow.stopped).toEqual([
      { execution: world.invoice.dunning?.execution, reason: 'credited' },
    ]);
  });

  it('credits a credit note once when it is sent again under a new delivery id', async () => {
    const world = await intake({ openAmount: 1_000_00 });

    await world.deliver(creditNote(world.invoice.id, 100_00, 'cn-twice'));
    await world.deliver(creditNote(world.invoice.id, 100_00, 'cn-twice'));

    expect(await world.store.getInvoice(world.invoice.id)).toMatchObject({ openAmount: 900_00, version: 2 });
  });
});
