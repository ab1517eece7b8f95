import { describe, expect, it } from 'vitest';
import { openTask } from '../../../functions/core/tasks/collection-task';
import { ownerStamp } from '../../../functions/core/worklist/account-owner';
import { debtorPriority, type DebtorFacts } from '../../../functions/core/worklist/debtor-priority';
import { searchName } from '../../../functions/core/worklist/search-name';
import { outcomeFits } from '../../../functions/core/worklist/task-outcomes';
import { isUnhandled, unhandledFrom } from '../../../functions/core/worklist/unhandled-task';
import { DEFAULT_WORKLIST_RULES } from '../../../functions/core/worklist/worklist-rules';

const weights = DEFAULT_WORKLIST_RULES.weights;

function facts(changes: Partial<DebtorFacts> = {}): DebtorFacts {
  return {
    overdue: { amount: 1_000_00, currency: 'EUR' },
    oldestDaysOverdue: 10,
    brokenPromises: [],
    overdueDisputes: [],
    failedContacts: 0,
    segment: 'business-standard',
    ...changes,
  };
}

describe('the priority of a debtor on the worklist', () => {
  it('explains every point of the priority with a reason', () => {
    const { priority, reasons } = debtorPriority(
      facts({ brokenPromises: ['2026-11-03'], failedContacts: 2 }),
      weights,
    );
    expect(reasons).toEqual([
      { factor: 'overdue_amount', points: 60, detail: '€1,000.00 overdue' },
      { factor: 'days_overdue', points: 10, detail: 'oldest invoice 10 days overdue' },
      { factor: 'broken_promises', points: 40, detail: 'promise of 3 Nov 2026 broken' },
      { factor: 'failed_contacts', points: 20, detail: 'not reached twice' },
    ]);
    expect(priority).toBe(reasons.reduce((sum, reason) => sum + reason.points, 0));
  });

  it('puts the larger and the older arrears first under the default weights', () => {
    const score = (f: Partial<DebtorFacts>) => debtorPriority(facts(f), weights).priority;
    expect(score({ overdue: { amount: 10_000_00, currency: 'EUR' } })).toBeGreaterThan(score({}));
    expect(score({ oldestDaysOverdue: 60 })).toBeGreaterThan(score({}));
    // Age counts up to the cap only.
    expect(score({ oldestDaysOverdue: 400 })).toBe(score({ oldestDaysOverdue: weights.maxDaysCounted }));
  });

  it('counts a credit limit exceeded and the segment as the weights say', () => {
    const { reasons } = debtorPriority(
      facts({
        segment: 'business-chronic-late',
        overLimit: {
          exposure: { amount: 12_000_00, currency: 'EUR' },
          limit: { amount: 10_000_00, currency: 'EUR' },
        },
      }),
      weights,
    );
    expect(reasons.map((r) => [r.factor, r.points])).toContainEqual(['credit_limit_exceeded', 25]);
    expect(reasons.map((r) => [r.factor, r.points])).toContainEqual(['segment', 10]);
  });
});

describe('tasks on the worklist', () => {
  it('lifts a debtor with a low payment score modestly, and says the score in words', () => {
    const { reasons } = debtorPriority(facts({ score: 34 }), weights);
    expect(reasons).toContainEqual({ factor: 'payment_score', points: 10, detail: 'payment score 34/100' });
    const priority = (f: Partial<DebtorFacts>) => debtorPriority(facts(f), weights).priority;
    expect(priority({ score: 34 })).toBeGreaterThan(priority({ score: 90 }));
    // Modest: a low score does not outweigh a tenfold larger claim.
    expect(priority({ score: 0 })).toBeLessThan(
      priority({ score: 100, overdue: { amount: 10_000_00, currency: 'EUR' } }),
    );
    expect(debtorPriority(facts({ score: 100 }), weights).reasons.map((r) => r.factor)).not.toContain(
      'payment_score',
    );
  });

  it('counts a task as unhandled two business days after its due date', () => {
    expect(unhandledFrom('2026-03-04')).toBe('2026-03-06'); // Wednesday → Friday
    expect(unhandledFrom('2026-03-06')).toBe('2026-03-10'); // Friday → Tuesday
    expect(isUnhandled({ status: 'open', dueDate: '2026-03-06' }, '2026-03-09')).toBe(false);
    expect(isUnhandled({ status: 'closed', dueDate: '2026-03-06' }, '2026-03-10')).toBe(false);
  });

  it('accepts only the outcomes that fit the kind of task', () => {
    expect(outcomeFits('call', 'no_answer')).toBe(true);
    expect(outcomeFits('call', 'done')).toBe(false);
    expect(outcomeFits('unreachable_by_email', 'email_added')).toBe(true);
    expect(outcomeFits('unreachable_by_email', 'reached')).toBe(false);
    expect(outcomeFits('broken_promise', 'done')).toBe(true);
  });

  it("puts a task raised on an invoice on the list of the invoice's owner, or on the unowned list", () => {
    const invoice = {
      id: 'inv-1',
      debtorId: 'deb-1',
      dueDate: '2026-03-01',
      openAmount: 100_00,
      currency: 'EUR',
    };
    const raise = (owned: { accountOwner?: string }) =>
      openTask({
        id: 'task-1',
        kind: 'call',
        invoice: { ...invoice, ...owned },
        today: '2026-03-23',
        summary: 'call',
      });
    expect(raise(ownerStamp({ owner: { sub: 'controller-1' } })).accountOwner).toBe('controller-1');
    expect(raise(ownerStamp({}))).not.toHaveProperty('accountOwner');
  });

  it('compares names with accents and case removed', () => {
    expect(searchName('  Café  De Wit B.V.')).toBe('cafe de wit b.v.');
  });
});
