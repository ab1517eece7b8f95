import { describe, expect, it } from 'vitest';
import { accountHistory } from '../../../functions/core/ledger/account-history';
import type { TimelineEvent } from '../../../functions/core/ledger/timeline';
import type { PaymentPromise } from '../../../functions/core/promises/promise-to-pay';

const sent = (at: string, messageId: string, slot = 'firstReminder'): TimelineEvent => ({
  at,
  type: 'email_sent',
  actor: 'workflow',
  summary: `${slot} sent by email`,
  details: { slot, subject: 'Herinnering: 2 facturen staan nog open', messageId },
});

const promise: PaymentPromise = {
  id: 'p-1',
  debtorId: 'deb-1',
  invoiceIds: ['a'],
  currency: 'EUR',
  promisedDate: '2026-03-17',
  amount: 1_250_00,
  status: 'broken',
  takenBy: 'user:u-1',
  takenAt: '2026-03-10T09:00:00Z',
  graceDays: 2,
  followUpOn: '2026-03-20',
};

describe('the history a colleague reads before calling or writing', () => {
  const a = { id: 'a', number: 'F-1', currency: 'EUR' };
  const b = { id: 'b', number: 'F-2', currency: 'EUR' };

  it('counts a letter listing two invoices once, naming both, and dates it on the business calendar', () => {
    const history = accountHistory(
      [
        {
          invoice: a,
          events: [
            sent('2026-03-04T08:00:00Z', 'm-1'),
            sent('2026-03-15T23:30:00Z', 'm-2', 'secondReminder'),
          ],
        },
        { invoice: b, events: [sent('2026-03-04T08:00:00Z', 'm-1')] },
      ],
      [],
    );
    expect(history.letters).toEqual([
      {
        day: '2026-03-04',
        slot: 'firstReminder',
        subject: 'Herinnering: 2 facturen staan nog open',
        invoiceNumbers: ['F-1', 'F-2'],
      },
      // 23:30 UTC is already the 16th in Amsterdam.
      expect.objectContaining({ day: '2026-03-16', slot: 'secondReminder', invoiceNumbers: ['F-1'] }),
    ]);
  });

  it('keeps the last call outcome with its note, the promises and the disputes with their answers', () => {
    const call = (at: string, outcome: string, note?: string): TimelineEvent => ({
      at,
      type: 'task_closed',
      actor: 'user:u-1',
      summary: 'Call outcome',
      details: { taskId: 'call--exec-1', outcome, ...(note ? { note } : {}) },
    });
    const history = accountHistory(
      [
        {
          invoice: a,
          events: [
            call('2026-03-23T10:00:00Z', 'no_answer', 'Voicemail'),
            call('2026-03-24T10:00:00Z', 'reached', 'Betaalt vrijdag'),
            {
              at: '2026-03-25T10:00:00Z',
              type: 'task_closed',
              actor: 'user:u-1',
              summary: 'Task outcome',
              details: { taskId: 'unreachable--a', outcome: 'done' },
            },
            {
              at: '2026-03-05T10:00:00Z',
              type: 'dispute_raised',
              actor: 'user:u-1',
              summary: 'Dispute',
              details: { disputeId: 'd-1', cause: 'price', amount: 250_00 },
            },
            {
              at: '2026-03-09T10:00:00Z',
              type: 'dispute_resolved',
              actor: 'user:u-1',
              summary: 'Resolved',
              details: { disputeId: 'd-1', outcome: 'rejected' },
            },
          ],
        },
      ],
      [promise],
    );
    expect(history.lastCall).toEqual({ day: '2026-03-24', outcome: 'reached', note: 'Betaalt vrijdag' });
    expect(history.promises).toEqual([
      { promisedDate: '2026-03-17', amount: { amount: 1_250_00, currency: 'EUR' }, status: 'broken' },
    ]);
    expect(history.disputes).toEqual([
      {
        raisedOn: '2026-03-05',
        cause: 'price',
        amount: { amount: 250_00, currency: 'EUR' },
        status: 'rejected',
        invoiceNumbers: ['F-1'],
      },
    ]);
  });
});
