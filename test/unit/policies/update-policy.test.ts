import { describe, expect, it } from 'vitest';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { updatePolicy } from '../../../functions/use-cases/policies/update-policy';
import { Refusal } from '../../../functions/use-cases/refusal';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const businessStandard = SEED_POLICIES.find((policy) => policy.id === 'business-standard')!;
const stamp = { by: 'admin@voorbeeld.example', at: new Date('2026-04-01T08:00:00Z') };

describe('a policy duns one kind of debtor', () => {
  it('refuses to change the debtorKind of a policy in use with 409 naming debtorKind, and stores nothing', async () => {
    const store = new InMemoryCreditStore();
    const { id: _id, ...body } = businessStandard;

    const refusal = await updatePolicy(
      store,
      businessStandard.id,
      { ...body, debtorKind: 'consumer' },
      stamp,
    ).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'debtor_kind_fixed' });
    expect((refusal as Refusal).issues.map((issue) => issue.path)).toEqual(['debtorKind']);
    expect(await store.getPolicy(businessStandard.id)).toBeUndefined();
  });

  it('stores a new version that keeps the debtorKind', async () => {
    const store = new InMemoryCreditStore();
    const { id: _id, ...body } = businessStandard;

    const stored = await updatePolicy(
      store,
      businessStandard.id,
      { ...body, name: 'Business, revised' },
      stamp,
    );

    expect(stored).toMatchObject({ version: 2, debtorKind: 'business', name: 'Business, revised' });
  });

  it('stamps a new version with who stored it and when, whatever the body claims', async () => {
    const store = new InMemoryCreditStore();
    const { id: _id, ...body } = businessStandard;

    await updatePolicy(
      store,
      businessStandard.id,
      { ...body, updatedBy: 'someone-else', updatedAt: '2000-01-01T00:00:00.000Z' },
      stamp,
    );

    expect(await store.getPolicy(businessStandard.id)).toMatchObject({
      version: 2,
      updatedBy: 'admin@voorbeeld.example',
      updatedAt: '2026-04-01T08:00:00.000Z',
    });
  });
});
