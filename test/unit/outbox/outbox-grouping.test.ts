import { describe, expect, it } from 'vitest';
import type { DunningPolicy } from '../../../functions/core/dunning/dunning-policy';
import type { DunningSlot } from '../../../functions/core/dunning/dunning-slot';
import { groupOutbox, nextStepOn, type PlannedStep } from '../../../functions/core/dunning/outbox';
import { SEED_POLICIES } from '../../../functions/core/dunning/policy-seeds';

const consumer = SEED_POLICIES.find((policy) => policy.id === 'consumer-standard') as DunningPolicy;

function planned(
  id: string,
  debtorId: string,
  slot: DunningSlot,
  openAmount = 100_00,
  currency = 'EUR',
  at = '2026-03-04T08:00:00Z',
): PlannedStep {
  return { invoice: { id, number: `N-${id}`, debtorId, currency, openAmount }, slot, at };
}

const schedule = {
  firstReminder: '2026-03-04T08:00:00Z',
  secondReminder: '2026-03-15T08:00:00Z',
  call: '2026-03-22T08:00:00Z',
  accountManager: '2026-03-31T08:00:00Z',
  finalNotice: '2026-03-31T08:00:00Z',
  collectionAgency: '2026-04-20T08:00:00Z',
};

describe('the outbox of a day', () => {
  it('puts the invoices of one debtor, step and currency in one letter, with their total', () => {
    const outbox = groupOutbox('2026-03-04', [
      planned('b', 'deb-1', 'firstReminder', 250_00),
      planned('a', 'deb-1', 'firstReminder', 1_000_00, 'EUR', '2026-03-04T07:00:00Z'),
    ]);

    expect(outbox.letters).toEqual([
      {
        debtorId: 'deb-1',
        slot: 'firstReminder',
        currency: 'EUR',
        at: '2026-03-04T07:00:00Z',
        total: { amount: 1_250_00, currency: 'EUR' },
        invoices: [
          { invoiceId: 'a', number: 'N-a', openAmount: { amount: 1_000_00, currency: 'EUR' } },
          { invoiceId: 'b', number: 'N-b', openAmount: { amount: 250_00, currency: 'EUR' } },
        ],
      },
    ]);
  });

  it('writes a letter of its own for each currency, each step and each debtor', () => {
    const outbox = groupOutbox('2026-03-04', [
      planned('a', 'deb-1', 'firstReminder'),
      planned('b', 'deb-1', 'firstReminder', 100_00, 'USD'),
      planned('c', 'deb-1', 'finalNotice'),
      planned('d', 'deb-2', 'secondReminder'),
    ]);

    expect(outbox.letters.map((l) => [l.debtorId, l.slot, l.currency, l.invoices.length])).toEqual([
      ['deb-1', 'firstReminder', 'EUR', 1],
      ['deb-1', 'firstReminder', 'USD', 1],
      ['deb-1', 'finalNotice', 'EUR', 1],
      ['deb-2', 'secondReminder', 'EUR', 1],
    ]);
  });

  it('lists calls, escalations and hand-overs one per invoice, apart from the letters', () => {
    const outbox = groupOutbox('2026-03-04', [
      planned('a', 'deb-1', 'call'),
      planned('b', 'deb-1', 'call'),
      planned('c', 'deb-2', 'accountManager'),
      planned('d', 'deb-3', 'collectionAgency'),
    ]);

    expect(outbox.letters).toEqual([]);
    expect(outbox.calls.map((c) => c.invoiceId)).toEqual(['a', 'b']);
    expect(outbox.escalations).toMatchObject([{ invoiceId: 'c', debtorId: 'deb-2', slot: 'accountManager' }]);
    expect(outbox.handOvers).toMatchObject([{ invoiceId: 'd', debtorId: 'deb-3', slot: 'collectionAgency' }]);
  });
});

describe('the next step of a running dunning on a day', () => {
  it('is the policy’s first step when none was done yet', () => {
    expect(nextStepOn({ status: 'running', schedule }, consumer, '2026-03-04')).toEqual({
      slot: 'firstReminder',
      at: schedule.firstReminder,
    });
    expect(nextStepOn({ status: 'running', schedule }, consumer, '2026-03-05')).toBeUndefined();
  });

  it('passes over the slots the policy leaves out', () => {
    const lastStep = { slot: 'secondReminder', status: 'sent', at: schedule.secondReminder } as const;
    // The consumer policy has no call and no account manager: the final notice comes next.
    expect(nextStepOn({ status: 'running', schedule, lastStep }, consumer, '2026-03-31')).toEqual({
      slot: 'finalNotice',
      at: schedule.finalNotice,
    });
  });

  it('is none for a paused dunning or one that ran its last step', () => {
    expect(nextStepOn({ status: 'paused', schedule }, consumer, '2026-03-04')).toBeUndefined();
    const lastStep = { slot: 'collectionAgency', status: 'done', at: schedule.collectionAgency } as const;
    expect(nextStepOn({ status: 'running', schedule, lastStep }, consumer, '2026-04-20')).toBeUndefined();
  });
});
