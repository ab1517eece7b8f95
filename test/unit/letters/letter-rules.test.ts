import { describe, expect, it } from 'vitest';
import type { DunningState } from '../../../functions/core/dunning/dunning-state';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';
import { planDunning } from '../../../functions/core/dunning/schedule';
import type { LetterRecord } from '../../../functions/ports/credit-store';
import { dueForLetter } from '../../../functions/use-cases/letters/letter-invoices';
import {
  judgeUnconfirmed,
  SEND_CALL_TIMEOUT_MS,
} from '../../../functions/use-cases/letters/unconfirmed-letter';
import { invoiceRecord } from '../../support/credit-records';

const consumerPolicy = SEED_POLICIES.find((policy) => policy.id === 'consumer-standard')!;

function dunned(lastStep?: DunningState['lastStep'], status: DunningState['status'] = 'running') {
  const plan = planDunning({
    policy: consumerPolicy,
    dueDate: '2025-02-05',
    now: new Date('2025-02-06T05:00:00Z'),
  });
  return invoiceRecord({
    status: 'overdue',
    dueDate: '2025-02-05',
    dunning: {
      status,
      policyId: consumerPolicy.id,
      policyVersion: consumerPolicy.version,
      segmentReason: 'a consumer',
      execution: 'inv--1',
      attempt: 1,
      schedule: plan.schedule,
      callWindowSeconds: plan.callWindowSeconds,
      ...(lastStep ? { lastStep } : {}),
    },
  });
}

describe('which invoices go into the debtor’s letter of the day', () => {
  const secondReminderDone = {
    slot: 'secondReminder' as const,
    status: 'sent' as const,
    at: '2025-02-19T08:00:00Z',
  };

  it('takes an invoice whose step falls on the letter’s day or before, and whose earlier steps are done', () => {
    expect(dueForLetter(dunned(secondReminderDone), 'finalNotice', consumerPolicy, '2025-02-26')).toBe(true);
    // Deferred from an earlier day: still due.
    expect(dueForLetter(dunned(secondReminderDone), 'finalNotice', consumerPolicy, '2025-03-02')).toBe(true);
  });

  it('leaves out an invoice whose step falls on a later day', () => {
    expect(dueForLetter(dunned(secondReminderDone), 'finalNotice', consumerPolicy, '2025-02-25')).toBe(false);
  });

  it('leaves out an invoice that has an earlier step of its policy still to do', () => {
    const firstDone = { slot: 'firstReminder' as const, status: 'sent' as const, at: '2025-02-08T08:00:00Z' };
    expect(dueForLetter(dunned(firstDone), 'finalNotice', consumerPolicy, '2025-02-26')).toBe(false);
    expect(dueForLetter(dunned(), 'secondReminder', consumerPolicy, '2025-02-19')).toBe(false);
    // Day 3 is Saturday 8 February: the first reminder goes out on Monday the 10th.
    expect(dueForLetter(dunned(), 'firstReminder', consumerPolicy, '2025-02-10')).toBe(true);
  });

  it('takes an invoice whose resume made this step due at once, passing over the steps before it', () => {
    const broken = dunned();
    const resumed = { ...broken, dunning: { ...broken.dunning!, resumedAtOnce: 'finalNotice' as const } };
    const schedule = { ...resumed.dunning.schedule, finalNotice: '2025-02-10T08:00:00Z' };
    const atOnce = { ...resumed, dunning: { ...resumed.dunning, schedule } };
    expect(dueForLetter(atOnce, 'finalNotice', consumerPolicy, '2025-02-10')).toBe(true);
    expect(dueForLetter(atOnce, 'firstReminder', consumerPolicy, '2025-02-10')).toBe(false);
  });

  it('leaves out an invoice whose dunning is stopped, or that did the step already', () => {
    expect(
      dueForLetter(dunned(secondReminderDone, 'stopped'), 'finalNotice', consumerPolicy, '2025-02-26'),
    ).toBe(false);
    const finalDone = { slot: 'finalNotice' as const, status: 'sent' as const, at: '2025-02-26T08:00:00Z' };
    expect(dueForLetter(dunned(finalDone), 'finalNotice', consumerPolicy, '2025-02-26')).toBe(false);
  });
});

describe('what is known of a letter whose send was not recorded', () => {
  const intentAt = '2025-02-08T08:00:00.000Z';
  const sending: LetterRecord = {
    debtorId: 'deb-1',
    slot: 'firstReminder',
    currency: 'EUR',
    day: '2025-02-08',
    owner: 'inv-1--1',
    invoiceIds: ['inv-1'],
    status: 'sending',
    intentAt,
    recipient: 'debtor@example.com',
    content: { template: 'payment-reminder', tone: 'friendly', subject: 'Reminder' },
  };
  const after = (ms: number) => new Date(Date.parse(intentAt) + ms);

  it('counts it as sent once an SES event named its message, dated when it was sent', () => {
    expect(judgeUnconfirmed({ ...sending, messageId: 'ses-1' }, after(1_000))).toEqual({
      state: 'accepted',
      letter: { ...sending, messageId: 'ses-1', status: 'sent', sentAt: intentAt },
    });
  });

  it('waits while the call to SES may still be under way, and sends again only after that', () => {
    expect(judgeUnconfirmed(sending, after(SEND_CALL_TIMEOUT_MS - 1))).toEqual({ state: 'in_flight' });
    expect(judgeUnconfirmed(sending, after(SEND_CALL_TIMEOUT_MS))).toEqual({ state: 'unknown' });
  });
});
