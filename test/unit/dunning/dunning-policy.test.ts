import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type DunningPolicy,
  type DunningStep,
  dunningPolicySchema,
  parseDunningPolicy,
} from '../../../functions/core/dunning/dunning-policy';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';

function seed(id: string): DunningPolicy {
  const policy = SEED_POLICIES.find((candidate) => candidate.id === id);
  if (!policy) throw new Error(`no seed policy ${id}`);
  return structuredClone(policy);
}

const business = () => seed('business-standard');
const consumer = () => seed('consumer-standard');

function step(policy: DunningPolicy, slot: DunningStep['slot']): DunningStep {
  const found = policy.steps.find((candidate) => candidate.slot === slot);
  if (!found) throw new Error(`${policy.id} has no ${slot} step`);
  return found;
}

function issuesOf(input: unknown) {
  const result = parseDunningPolicy(input);
  return result.ok ? [] : result.issues;
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

describe('a dunning policy', () => {
  it('accepts every seed policy as it is', () => {
    for (const policy of SEED_POLICIES) expect(issuesOf(policy), policy.id).toEqual([]);
  });

  it('counts in Amsterdam time when the policy names no time zone', () => {
    const { timeZone: _, ...withoutTimeZone } = business();
    const result = parseDunningPolicy(withoutTimeZone);
    expect(result.ok && result.policy.timeZone).toBe('Europe/Amsterdam');
  });

  it('rejects a time zone that does not exist', () => {
    expect(pathsOf({ ...business(), timeZone: 'Europe/Atlantis' })).toEqual(['timeZone']);
  });

  it('rejects a send time that is not HH:MM', () => {
    const issues = issuesOf({ ...business(), sendAt: '9:00' });
    expect(issues).toEqual([{ path: 'sendAt', message: 'sendAt must be a local time HH:MM such as 09:00' }]);
  });

  it('rejects an id that is not a lower-case slug', () => {
    expect(pathsOf({ ...business(), id: 'Business Standard' })).toEqual(['id']);
  });

  it('rejects a policy without steps', () => {
    expect(pathsOf({ ...business(), steps: [] })).toEqual(['steps']);
  });

  it('gives the call at least one day for its outcome', () => {
    expect(pathsOf({ ...business(), callWindowDays: 0 })).toEqual(['callWindowDays']);
  });

  it('acts only once the invoice is overdue, from the day after the due date', () => {
    const policy = business();
    step(policy, 'firstReminder').dayOffset = 0;
    expect(pathsOf(policy)).toEqual(['steps[0].dayOffset']);
  });

  it('keeps the steps in the order of the state machine', () => {
    const policy = business();
    policy.steps = [step(policy, 'secondReminder'), step(policy, 'firstReminder')];
    policy.steps[1]!.dayOffset = 14;
    const issues = issuesOf(policy);
    expect(issues).toEqual([
      { path: 'steps[1].slot', message: expect.stringContaining('cannot follow secondReminder') },
    ]);
  });

  it('fills a slot at most once', () => {
    const policy = business();
    policy.steps.splice(1, 0, { ...step(policy, 'firstReminder'), dayOffset: 5 });
    expect(issuesOf(policy)).toEqual([
      { path: 'steps[1].slot', message: 'slot firstReminder is already filled by steps[0]' },
    ]);
  });

  it('never lets a later step come on an earlier day', () => {
    const policy = business();
    step(policy, 'call').dayOffset = 10;
    expect(issuesOf(policy)).toEqual([
      {
        path: 'steps[2].dayOffset',
        message: 'dayOffset 10 is earlier than day 14 of the secondReminder step before it',
      },
    ]);
  });

  it('requires the kind of a step to match its slot', () => {
    const policy = business();
    step(policy, 'call').kind = 'reminder';
    expect(issuesOf(policy)).toEqual([
      { path: 'steps[2].kind', message: 'slot call holds a call step, not reminder' },
    ]);
  });

  it('makes the call by phone', () => {
    const policy = business();
    step(policy, 'call').channel = 'email';
    expect(pathsOf(policy)).toEqual(['steps[2].channel']);
  });

  it('names only templates that exist', () => {
    const policy = business();
    step(policy, 'firstReminder').template = 'cheerful-reminder';
    expect(issuesOf(policy)).toEqual([
      {
        path: 'steps[0].template',
        message: expect.stringContaining('template cheerful-reminder does not exist'),
      },
    ]);
  });

  it('names a template written for the kind of step', () => {
    const policy = business();
    step(policy, 'firstReminder').template = 'call-task';
    expect(issuesOf(policy)).toEqual([
      { path: 'steps[0].template', message: 'template call-task is not written for a reminder step' },
    ]);
  });

  it('rejects statutory settings out of range', () => {
    const policy = business();
    policy.legal.postalDeliveryDays = -1;
    expect(pathsOf(policy)).toEqual(['legal.postalDeliveryDays']);
  });

  it('lets a business go to the agency without a 14-day letter', () => {
    const policy = business();
    policy.steps = policy.steps.filter((candidate) => candidate.slot !== 'finalNotice');
    expect(issuesOf(policy)).toEqual([]);
  });

  describe('for consumers', () => {
    it('hands a claim to the agency only after a final notice', () => {
      const policy = consumer();
      policy.steps = policy.steps.filter((candidate) => candidate.slot !== 'finalNotice');
      policy.legal.chargeCosts = false;
      expect(pathsOf(policy)).toEqual(['steps[2].slot']);
    });

    it('makes the final notice before the agency the 14-day letter', () => {
      const policy = consumer();
      step(policy, 'finalNotice').template = 'payment-reminder';
      policy.legal.chargeCosts = false;
      expect(issuesOf(policy)).toEqual([
        {
          path: 'steps[2].template',
          message: expect.stringContaining('must be the fourteen-day-letter, not payment-reminder'),
        },
      ]);
    });

    it('waits for the 14-day term and the postal delivery days before the agency', () => {
      const policy = consumer();
      // 14-day letter on day 21, 2 postal days: the term's last day is day 37.
      step(policy, 'collectionAgency').dayOffset = 37;
      expect(issuesOf(policy)).toEqual([
        { path: 'steps[3].dayOffset', message: expect.stringContaining('dayOffset must be at least 38') },
      ]);

      step(policy, 'collectionAgency').dayOffset = 38;
      expect(issuesOf(policy)).toEqual([]);
    });

    it('counts longer postal delivery into the term', () => {
      const policy = consumer();
      policy.legal.postalDeliveryDays = 5;
      expect(pathsOf(policy)).toEqual(['steps[3].dayOffset']);
    });

    it('charges collection costs only when a 14-day letter is sent', () => {
      const policy = consumer();
      policy.steps = policy.steps.filter((candidate) => candidate.slot === 'firstReminder');
      expect(pathsOf(policy)).toEqual(['legal.chargeCosts']);

      policy.legal.chargeCosts = false;
      expect(issuesOf(policy)).toEqual([]);
    });
  });

  it('builds the policy schema once and hands every caller that one', () => {
    expect(dunningPolicySchema()).toBe(dunningPolicySchema());
  });

  it('can be published as JSON Schema for the OpenAPI document', () => {
    const schema = z.toJSONSchema(dunningPolicySchema(), { io: 'input' });
    expect(schema).toMatchObject({ type: 'object', properties: { steps: { type: 'array' } } });
    expect(schema.required).not.toContain('timeZone');
  });
});
