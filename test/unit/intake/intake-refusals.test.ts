import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { currencyProblem } from '../../../functions/core/dunning/policy-currency';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { MAX_AMOUNT_CENTS, MAX_BALANCE_CENTS } from '../../../functions/core/money';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { refusedEventTaskId } from '../../../functions/use-cases/intake/refused-event';
import { Refusal } from '../../../functions/use-cases/refusal';
import { debtorRecord, newId } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-10T10:00:00Z');

function world() {
  const store = new InMemoryCreditStore();
  const deps = {
    store,
    workflow: new RecordingWorkflow(),
    clock: { now: () => NOW },
    referenceScheme: 'rf' as const,
  };
  const deliver = async (event: unknown, deliveryId = newId('msg')) => {
    try {
      const reply = await receiveDelivery(deps, { id: deliveryId, event: webhookEvent.parse(event) });
      return { status: reply.status, body: reply.body as Record<string, unknown> };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return { status: 0, refusal: error };
    }
  };
  return { store, deliver };
}

const envelope = (type: string, data: Record<string, unknown>) => ({
  type,
  timestamp: NOW.toISOString(),
  data,
});

const debtor = (id: string, kind: 'business' | 'consumer') =>
  envelope('debtor.upserted', { id, name: 'Jan Jansen', kind, language: 'nl', email: 'jan@example.com' });

const invoice = (id: string, debtorId: string, currency: string, totalAmount = 121_00) =>
  envelope('invoice.created', {
    id,
    number: `F-${id}`,
    debtorId,
    currency,
    totalAmount,
    issueDate: '2025-02-01',
    dueDate: '2025-03-01',
  });

const payment = (data: Record<string, unknown>) =>
  envelope('payment.received', { id: newId('pay'), currency: 'EUR', receivedAt: NOW.toISOString(), ...data });

describe('the intake refuses what no step can handle', () => {
  it('judges a policy with the 14-day letter able to dun euros only', () => {
    const consumer = SEED_POLICIES.find((policy) => policy.debtorKind === 'consumer')!;
    const business = SEED_POLICIES.find((policy) => policy.id === 'business-standard')!;
    expect(currencyProblem(consumer, 'EUR')).toBeUndefined();
    expect(currencyProblem(consumer, 'GBP')).toMatch(/fourteen-day-letter.*EUR.*GBP/);
    expect(currencyProblem(business, 'GBP')).toBeUndefined();
  });

  it('refuses a consumer invoice in GBP with a 400 naming data.currency, and stores nothing', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    await deliver(debtor(debtorId, 'consumer'));
    const invoiceId = newId('inv');

    const answer = await deliver(invoice(invoiceId, debtorId, 'GBP'));

    expect(answer.refusal).toMatchObject({ kind: 'invalid', code: 'currency_not_dunnable' });
    expect(answer.refusal?.issues).toEqual([
      { path: 'data.currency', message: expect.stringMatching(/consumer-standard.*EUR/) },
    ]);
    expect(await store.getInvoice(invoiceId)).toBeUndefined();
  });

  it('takes a business invoice in GBP: its letters need no costs in euros', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    await deliver(debtor(debtorId, 'business'));
    const invoiceId = newId('inv');

    expect((await deliver(invoice(invoiceId, debtorId, 'GBP'))).status).toBe(200);
    expect(await store.getInvoice(invoiceId)).toMatchObject({ currency: 'GBP' });
  });

  it('refuses a parked consumer invoice in GBP once its debtor arrives, with a task and a timeline entry, once', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    const deliveryId = newId('msg');
    expect((await deliver(invoice(invoiceId, debtorId, 'GBP'), deliveryId)).status).toBe(202);

    await deliver(debtor(debtorId, 'consumer'));
    await deliver(debtor(debtorId, 'consumer'));

    expect(await store.getInvoice(invoiceId)).toBeUndefined();
    const tasks = await store.listOpenTasks();
    expect(tasks).toEqual([
      expect.objectContaining({
        id: refusedEventTaskId(deliveryId),
        kind: 'refused_event',
        invoiceId,
        debtorId,
        summary: expect.stringMatching(/invoice\.created.*data\.currency/),
      }),
    ]);
    const timeline = await store.timeline({ debtorId });
    expect(timeline.filter((event) => event.type === 'event_refused')).toHaveLength(1);
  });

  it('applies a parked invoice that was refused once its debtor is corrected', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    const invoiceId = newId('inv');
    await deliver(invoice(invoiceId, debtorId, 'GBP'));
    await deliver(debtor(debtorId, 'consumer'));

    await deliver(debtor(debtorId, 'business'));

    expect(await store.getInvoice(invoiceId)).toMatchObject({ currency: 'GBP', debtorId });
  });

  it('refuses a payment received more than a day in the future, naming data.receivedAt', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    await deliver(debtor(debtorId, 'business'));
    const id = newId('pay');

    const answer = await deliver(payment({ id, debtorId, amount: 100, receivedAt: '2099-01-01T00:00:00Z' }));

    expect(answer.refusal?.issues).toEqual([{ path: 'data.receivedAt', message: expect.any(String) }]);
    expect(await store.getPayment(id)).toBeUndefined();
  });

  it('takes a payment received within a day of clock skew ahead of ours', async () => {
    const { store, deliver } = world();
    const debtorId = newId('deb');
    await deliver(debtor(debtorId, 'business'));
    const id = newId('pay');
    const receivedAt = new Date(NOW.getTime() + 23 * 3_600_000).toISOString();

    expect((await deliver(payment({ id, debtorId, amount: 100, receivedAt }))).status).toBe(200);
    expect(await store.getPayment(id)).toBeDefined();
  });

  it('refuses a debtor-level payment that would take the credit past 10^15 cents, and books nothing', async () => {
    const { store, deliver } = world();
    const existing = debtorRecord({ credits: { EUR: MAX_BALANCE_CENTS - 1 } });
    await store.commit([{ kind: 'putDebtor', debtor: existing, expectedVersion: null }]);
    const id = newId('pay');

    const answer = await deliver(payment({ id, debtorId: existing.id, amount: MAX_AMOUNT_CENTS }));

    expect(answer.refusal).toMatchObject({ kind: 'unprocessable', code: 'balance_out_of_range' });
    expect(answer.refusal?.issues.map((issue) => issue.path)).toEqual(['data.amount']);
    expect(await store.getPayment(id)).toBeUndefined();
    expect((await store.getDebtor(existing.id))?.credits).toEqual({ EUR: MAX_BALANCE_CENTS - 1 });
  });
});

describe('a webhook-id is one delivery of one body', () => {
  it('answers the first answer again to the same body under the same webhook-id', async () => {
    const { deliver } = world();
    const deliveryId = newId('msg');
    const event = debtor(newId('deb'), 'business');

    expect((await deliver(event, deliveryId)).status).toBe(200);
    expect(await deliver(event, deliveryId)).toEqual({ status: 200, body: { status: 'applied' } });
  });

  it('answers 409 to a webhook-id reused with another body, and does not drop the body as applied', async () => {
    const { store, deliver } = world();
    const deliveryId = newId('msg');
    const debtorId = newId('deb');
    await deliver(debtor(debtorId, 'business'), deliveryId);
    const invoiceId = newId('inv');

    const answer = await deliver(invoice(invoiceId, debtorId, 'EUR'), deliveryId);

    expect(answer.refusal).toMatchObject({ kind: 'conflict', code: 'webhook_id_reused' });
    expect(answer.refusal?.issues.map((issue) => issue.path)).toEqual(['webhook-id']);
    expect(await store.getInvoice(invoiceId)).toBeUndefined();
  });
});
