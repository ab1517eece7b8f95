import { describe, expect, it } from 'vitest';
import type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { stepFor } from '../../../functions/core/dunning/policy-steps';
import { SEGMENT } from '../../../functions/core/dunning/segment';

function seed(id: string): DunningPolicy {
  const policy = SEED_POLICIES.find((candidate) => candidate.id === id);
  if (!policy) throw new Error(`no seed policy ${id}`);
  return policy;
}

function dayOf(policy: DunningPolicy, slot: Parameters<typeof stepFor>[1]): number | undefined {
  return stepFor(policy, slot)?.dayOffset;
}

describe('the seed policies', () => {
  it('cover every segment that chooseSegment can pick, at version 1', () => {
    expect(SEED_POLICIES.map((policy) => policy.id).sort()).toEqual(Object.values(SEGMENT).sort());
    for (const policy of SEED_POLICIES) expect(policy.version).toBe(1);
  });

  it('send the first business reminder within 7 days after the due date', () => {
    for (const policy of SEED_POLICIES.filter((candidate) => candidate.debtorKind === 'business')) {
      expect(dayOf(policy, 'firstReminder'), policy.id).toBeLessThanOrEqual(7);
    }
  });

  it('start friendly with a standard business and firm with a chronic late payer', () => {
    expect(stepFor(seed('business-standard'), 'firstReminder')?.tone).toBe('friendly');
    expect(stepFor(seed('business-chronic-late'), 'firstReminder')?.tone).toBe('firm');
  });

  it('escalate a chronic late payer sooner than a standard business at every step', () => {
    const standard = seed('business-standard');
    const chronic = seed('business-chronic-late');
    for (const step of standard.steps) {
      expect(dayOf(chronic, step.slot), step.slot).toBeLessThan(step.dayOffset);
    }
  });

  it('bring in the account manager of a key account sooner, and leave the call and agency to them', () => {
    const keyAccount = seed('business-key-account');
    expect(dayOf(keyAccount, 'accountManager')).toBeLessThan(
      dayOf(seed('business-standard'), 'accountManager') ?? 0,
    );
    expect(stepFor(keyAccount, 'call')).toBeUndefined();
    expect(stepFor(keyAccount, 'collectionAgency')).toBeUndefined();
  });

  it('send a consumer the 14-day letter as the final notice, and charge costs only after it', () => {
    const policy = seed('consumer-standard');
    expect(stepFor(policy, 'finalNotice')?.template).toBe('fourteen-day-letter');
    expect(policy.legal).toMatchObject({ chargeCosts: true, chargeInterest: true });
    expect(policy.collectionAgencyMinimum).toEqual({ amount: 5000, currency: 'EUR' });
  });

  it('charge a business the fixed EUR 40 compensation and statutory commercial interest', () => {
    for (const policy of SEED_POLICIES.filter((candidate) => candidate.debtorKind === 'business')) {
      expect(policy.legal, policy.id).toMatchObject({
        chargeInterest: true,
        businessCosts: 'fixed-compensation',
      });
    }
  });
});
