import { describe, expect, it } from 'vitest';
import type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
import { startingStep } from '../../../functions/core/dunning/late-start';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';

function seed(id: string): DunningPolicy {
  const policy = SEED_POLICIES.find((candidate) => candidate.id === id);
  if (!policy) throw new Error(`no seed policy ${id}`);
  return policy;
}

const businessStandard = seed('business-standard');
const consumerStandard = seed('consumer-standard');
const keyAccount = seed('business-key-account');

describe('a late starter starts at its age', () => {
  it('starts an invoice one day overdue at the first step, as the sweep always has', () => {
    expect(startingStep(businessStandard, 1)?.slot).toBe('firstReminder');
    expect(startingStep(seed('business-chronic-late'), 1)?.slot).toBe('firstReminder');
  });

  it('starts at the first step whose day offset is at or beyond the days overdue', () => {
    expect(startingStep(businessStandard, 3)?.slot).toBe('firstReminder');
    expect(startingStep(businessStandard, 4)?.slot).toBe('secondReminder');
    expect(startingStep(consumerStandard, 16)?.slot).toBe('finalNotice');
    expect(startingStep(keyAccount, 20)?.slot).toBe('finalNotice');
  });

  it('starts an invoice 50 days overdue with the final notice, not the friendly reminder nor a silent hand-over', () => {
    expect(startingStep(businessStandard, 50)).toMatchObject({ slot: 'finalNotice', tone: 'final' });
    expect(startingStep(consumerStandard, 50)).toMatchObject({
      slot: 'finalNotice',
      template: 'fourteen-day-letter',
    });
  });

  it('sends a letter before a call when the step of its age is the call', () => {
    expect(startingStep(businessStandard, 18)?.slot).toBe('secondReminder');
  });

  it('never starts with the friendly tone past 14 days overdue', () => {
    const lateFriendly: DunningPolicy = {
      ...businessStandard,
      steps: businessStandard.steps.map((step) =>
        step.slot === 'firstReminder'
          ? { ...step, dayOffset: 20 }
          : step.slot === 'secondReminder'
            ? { ...step, dayOffset: 25 }
            : step,
      ),
    };
    expect(startingStep(lateFriendly, 10)?.slot).toBe('firstReminder');
    expect(startingStep(lateFriendly, 15)?.slot).toBe('secondReminder');
  });
});
