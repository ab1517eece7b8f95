import { describe, expect, it } from 'vitest';
import { taskOutcomeBody } from '../../../functions/api/schemas/api-schemas';
import { disputeBody, disputeResolutionBody } from '../../../functions/api/schemas/dispute-schemas';
import {
  disputeAgeDays,
  disputeIssues,
  isOverdueDispute,
  resolutionIssues,
  respondByDay,
} from '../../../functions/core/disputes/dispute';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the rules of a dispute', () => {
  it('accepts no amount or a positive part of what is open, and names amount otherwise', () => {
    expect(disputeIssues({ openAmount: 500_00 })).toEqual([]);
    expect(disputeIssues({ amount: 500_00, openAmount: 500_00 })).toEqual([]);
    expect(disputeIssues({ amount: 0, openAmount: 500_00 })).toEqual([
      { path: 'amount', message: 'amount must be positive' },
    ]);
    expect(disputeIssues({ amount: 500_01, openAmount: 500_00 })).toEqual([
      { path: 'amount', message: expect.stringContaining('open amount (50000 cents)') },
    ]);
  });

  it('takes a credit amount only with outcome credited, and never above what is open', () => {
    expect(resolutionIssues({ outcome: 'credited', creditAmount: 100_00, openAmount: 500_00 })).toEqual([]);
    expect(resolutionIssues({ outcome: 'rejected', openAmount: 500_00 })).toEqual([]);
    expect(resolutionIssues({ outcome: 'rejected', creditAmount: 100_00, openAmount: 500_00 })).toEqual([
      { path: 'creditAmount', message: 'creditAmount goes only with outcome credited' },
    ]);
    expect(resolutionIssues({ outcome: 'credited', creditAmount: 600_00, openAmount: 500_00 })).toEqual([
      { path: 'creditAmount', message: expect.stringContaining('at most the open amount') },
    ]);
  });

  it('is due for an answer disputeSlaDays after it was raised, and overdue only while open', () => {
    expect(respondByDay('2026-03-06', 10)).toBe('2026-03-16');
    const dispute = { status: 'open' as const, respondBy: '2026-03-16', raisedOn: '2026-03-06' };
    expect(isOverdueDispute(dispute, '2026-03-15')).toBe(false);
    expect(isOverdueDispute(dispute, '2026-03-16')).toBe(true);
    expect(isOverdueDispute({ ...dispute, status: 'awaiting_credit_note' }, '2026-03-20')).toBe(false);
    expect(disputeAgeDays(dispute, '2026-03-16')).toBe(10);
  });
});

describe('the dispute requests', () => {
  // Whether a cause is on the list an admin keeps is the use case's to check (see disputes.test.ts).
  it('refuses a cause that is not a cause code and an empty note, naming each', () => {
    expect(paths(disputeBody.safeParse({ cause: 'Too expensive!', note: 'x' }))).toEqual(['cause']);
    expect(paths(disputeBody.safeParse({ cause: 'quantity', note: '  ' }))).toEqual(['note']);
    expect(
      disputeBody.safeParse({
        cause: 'quantity',
        note: 'Twee dozen te weinig',
        documents: ['s3://bon/1.pdf'],
      }).success,
    ).toBe(true);
  });

  it('refuses a credit amount on a rejection, naming creditAmount', () => {
    expect(
      paths(disputeResolutionBody.safeParse({ outcome: 'rejected', note: 'Klopt', creditAmount: 1 })),
    ).toEqual(['creditAmount']);
  });

  it('needs a cause and a note with the call outcome disputed', () => {
    expect(paths(taskOutcomeBody.safeParse({ outcome: 'disputed' })).sort()).toEqual(['cause', 'note']);
    expect(paths(taskOutcomeBody.safeParse({ outcome: 'disputed', cause: 'other', note: 'x' }))).toEqual([]);
    expect(taskOutcomeBody.safeParse({ outcome: 'disputed', cause: 'price', note: 'Te duur' }).success).toBe(
      true,
    );
  });
});
