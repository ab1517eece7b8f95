import { describe, expect, it } from 'vitest';
import { webhookEvent } from '../../../functions/api/schemas/webhook-events';
import { FOURTEEN_DAY_LETTER } from '../../../functions/core/dunning/dunning-policy';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import type { CreditStore } from '../../../functions/ports/credit-store';
import { keepingLatestPolicies } from '../../../functions/use-cases/intake/kept-policies';
import { receiveDelivery } from '../../../functions/use-cases/intake/receive-delivery';
import { debtorUpserted, invoiceCreated, newId } from '../../../local/invoicing/invoicing-events';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const START = new Date('2025-03-10T10:00:00Z').getTime();
const business = SEED_POLICIES.find((policy) => policy.id === 'business-standard')!;
const consumer = SEED_POLICIES.find((policy) => policy.id === 'consumer-standard')!;

/** The in-memory store with the seed policies, counting reads of a policy's latest version. */
async function world() {
  const store = new InMemoryCreditStore();
  for (const policy of SEED_POLICIES) await store.putPolicy(policy);
  let latestReads = 0;
  const counting = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'getPolicy')
        return (id: string, version?: number) => {
          if (version === undefined) latestReads += 1;
          return target.getPolicy(id, version);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as CreditStore;
  let now = START;
  const clock = { now: () => new Date(now) };
  return {
    store,
    kept: keepingLatestPolicies(counting, clock),
    clock,
    latestReads: () => latestReads,
    advanceMs: (ms: number) => {
      now += ms;
    },
  };
}

describe('a warm webhook function keeps the latest dunning policies for a minute', () => {
  it("keeps a policy's latest version for a minute by the clock, then reads it again", async () => {
    const w = await world();

    await w.kept.getPolicy('business-standard');
    w.advanceMs(59_999);
    await w.kept.getPolicy('business-standard');
    expect(w.latestReads()).toBe(1);

    await w.store.putPolicy({ ...business, version: 2, name: 'Business, edited' });
    w.advanceMs(1);
    expect((await w.kept.getPolicy('business-standard'))?.version).toBe(2);
    expect(w.latestReads()).toBe(2);
  });

  it('shares one read among requests that ask before it is answered', async () => {
    const w = await world();

    await Promise.all(Array.from({ length: 50 }, () => w.kept.getPolicy('business-standard')));

    expect(w.latestReads()).toBe(1);
  });

  it('keeps no policy that is not stored yet, and reads a stated version from the store', async () => {
    const w = await world();

    expect(await w.kept.getPolicy('no-such-policy')).toBeUndefined();
    expect(await w.kept.getPolicy('no-such-policy')).toBeUndefined();
    expect(w.latestReads()).toBe(2);
    expect((await w.kept.getPolicy('business-standard', 1))?.version).toBe(1);
    expect(w.latestReads()).toBe(2);
  });

  it('takes an invoice in a currency an edit of the policy allowed within the minute, and duns it on that version', async () => {
    const w = await world();
    const workflow = new RecordingWorkflow();
    const deps = { store: w.kept, workflow, clock: w.clock, referenceScheme: 'rf' as const };
    const deliver = (event: unknown) =>
      receiveDelivery(deps, { id: newId('msg'), event: webhookEvent.parse(event) });
    const debtorId = newId('deb');
    await deliver(debtorUpserted({ id: debtorId, kind: 'consumer' }));
    await deliver(invoiceCreated({ id: newId('inv'), debtorId, dueDate: '2025-02-28' }));
    // An admin drops the fourteen-day letter, whose costs are in euros: pounds can be dunned now.
    const steps = consumer.steps.filter((step) => step.template !== FOURTEEN_DAY_LETTER);
    await w.store.putPolicy({ ...consumer, version: 2, steps });
    const invoiceId = newId('inv');

    const answer = await deliver(
      invoiceCreated({ id: invoiceId, debtorId, currency: 'GBP', dueDate: '2025-02-28' }),
    );

    expect(answer.status).toBe(200);
    expect((await w.store.getInvoice(invoiceId))?.dunning).toMatchObject({
      status: 'running',
      policyId: 'consumer-standard',
      policyVersion: 2,
    });
  });
});
