import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import type { CreditStore } from '../../../functions/ports/credit-store';
import { keepingLatestPolicies } from '../../../functions/use-cases/intake/kept-policies';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import {
  debtorUpserted,
  invoiceCreated,
  newId,
  paymentReceived,
} from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-10T10:00:00Z');
const READS = [
  'getDelivery',
  'getInvoice',
  'getDebtor',
  'getPolicy',
  'findInvoiceIdByReference',
  'parked',
  'listInvoicesOfDebtor',
] as const;

/**
 * The intake as the webhook's function composes it (policies kept for a minute) on the in-memory
 * store with the seed policies stored, counting every read; `beforeRead` runs before each.
 */
async function countingIntake(beforeRead: (name: string, args: unknown[]) => Promise<void> = async () => {}) {
  const store = new InMemoryCreditStore();
  for (const policy of SEED_POLICIES) await store.putPolicy(policy);
  const reads = new Map<string, number>();
  const counting = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (!(READS as readonly (string | symbol)[]).includes(property)) return method;
      return async (...args: unknown[]) => {
        await beforeRead(String(property), args);
        reads.set(String(property), (reads.get(String(property)) ?? 0) + 1);
        return method(...args);
      };
    },
  }) as CreditStore;
  const workflow = new RecordingWorkflow();
  const clock = { now: () => NOW };
  const deps = {
    store: keepingLatestPolicies(counting, clock),
    workflow,
    clock,
    referenceScheme: 'rf' as const,
  };
  const deliver = (event: unknown, deliveryId = newId('msg')) =>
    receiveDelivery(deps, { id: deliveryId, event: webhookEvent.parse(event) });
  const debtorId = newId('deb');
  await deliver(debtorUpserted({ id: debtorId }));
  return { store, workflow, reads, deliver, debtorId };
}

describe('the webhook reads what a new invoice needs once', () => {
  it('reads a new overdue invoice: its delivery, the invoice, both parking places, its debtor before and after the commit', async () => {
    const world = await countingIntake();
    // The debtor's first invoice reads the policy, which the function keeps for a minute.
    await world.deliver(
      invoiceCreated({ id: newId('inv'), debtorId: world.debtorId, dueDate: '2025-02-28' }),
    );
    world.reads.clear();
    const invoiceId = newId('inv');

    const answer = await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId: world.debtorId, dueDate: '2025-02-28' }),
    );

    expect(answer.status).toBe(200);
    expect(Object.fromEntries(world.reads)).toEqual({
      getDelivery: 1,
      getInvoice: 1,
      getDebtor: 2,
      findInvoiceIdByReference: 1,
      parked: 2,
    });
    expect(world.workflow.startedFor(invoiceId)).toHaveLength(1);
    expect((await world.store.getInvoice(invoiceId))?.dunning?.status).toBe('running');
  });

  it('dunns an invoice that another delivery changed after its intake stored it, once, on the version that delivery left', async () => {
    const invoiceId = newId('inv');
    let payOnce: (() => Promise<unknown>) | undefined;
    const world = await countingIntake(async (name, args) => {
      // A payment lands between the intake's commit and its start of the dunning.
      if (name !== 'parked' || !String(args[0]).startsWith('reference:') || !payOnce) return;
      const pay = payOnce;
      payOnce = undefined;
      await pay();
    });
    payOnce = () => world.deliver(paymentReceived({ invoiceId }, { amount: 30_00 }));

    await world.deliver(
      invoiceCreated({ id: invoiceId, debtorId: world.debtorId, dueDate: '2025-02-28', totalAmount: 100_00 }),
    );

    const invoice = await world.store.getInvoice(invoiceId);
    expect(invoice).toMatchObject({ status: 'overdue', openAmount: 70_00, dunning: { status: 'running' } });
    expect(world.workflow.startedFor(invoiceId)).toEqual([
      expect.objectContaining({ execution: invoice?.dunning?.execution }),
    ]);
  });
});
