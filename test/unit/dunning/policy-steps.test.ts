import { describe, expect, it } from 'vitest';
import { stepCuredAfter } from '../../../functions/core/dunning/cure';
import type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { nextStepAfter, nextStepOf, stepFor } from '../../../functions/core/dunning/policy-steps';

const consumer = SEED_POLICIES.find((policy) => policy.id === 'consumer-standard') as DunningPolicy;

describe('the steps of a policy', () => {
  it('finds the step of a slot, or none when the policy leaves it out', () => {
    expect(stepFor(consumer, 'finalNotice')?.template).toBe('fourteen-day-letter');
    expect(stepFor(consumer, 'call')).toBeUndefined();
  });

  it('passes over the slots the policy leaves out to find the next step', () => {
    expect(nextStepAfter(consumer, 'secondReminder')?.slot).toBe('finalNotice');
    expect(nextStepAfter(consumer, 'call')?.slot).toBe('finalNotice');
    expect(nextStepAfter(consumer, 'collectionAgency')).toBeUndefined();
  });

  it('takes the step a resume made due at once next, passing over the steps before it', () => {
    const resumed = { lastStep: { slot: 'firstReminder' as const }, resumedAtOnce: 'finalNotice' as const };
    expect(nextStepOf(resumed, consumer)?.slot).toBe('finalNotice');
    expect(nextStepOf({ resumedAtOnce: 'finalNotice' }, consumer)?.slot).toBe('finalNotice');
    expect(nextStepOf({ ...resumed, lastStep: { slot: 'finalNotice' } }, consumer)?.slot).toBe(
      'collectionAgency',
    );
  });
});

describe('the step an invoice was cured after', () => {
  const steps = [
    { slot: 'firstReminder', status: 'sent', at: '2026-01-08T08:00:00Z' },
    { slot: 'secondReminder', status: 'sent', at: '2026-01-19T08:00:00Z' },
    { slot: 'call', status: 'skipped', at: '2026-01-19T08:00:01Z' },
    { slot: 'finalNotice', status: 'sent', at: '2026-01-26T08:00:00Z' },
  ] as const;

  it('is the last step that acted before the payment', () => {
    expect(stepCuredAfter(steps, '2026-01-20T10:00:00Z')).toBe('secondReminder');
  });

  it('ignores a skipped step, which never reached the debtor', () => {
    expect(stepCuredAfter(steps, '2026-01-19T09:00:00Z')).toBe('secondReminder');
  });

  it('is none when the invoice was paid before any step', () => {
    expect(stepCuredAfter(steps, '2026-01-07T10:00:00Z')).toBe('none');
  });
});
