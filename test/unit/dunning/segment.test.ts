import { describe, expect, it } from 'vitest';
import { chooseSegment, paymentBehaviour } from '../../../functions/core/dunning/segment';
import type { PaymentBehaviour } from '../../../functions/core/ledger/debtor';

const business = { kind: 'business' as const };
const consumer = { kind: 'consumer' as const };

function behaviour(overrides: Partial<PaymentBehaviour> = {}): PaymentBehaviour {
  return { invoicesPaid: 10, invoicesPaidLate: 0, averageDaysLate: 0, escalations: 0, ...overrides };
}

describe('choosing the segment of a debtor', () => {
  it('follows a segment set by hand above everything else', () => {
    const chronic = behaviour({ invoicesPaidLate: 9, averageDaysLate: 30, escalations: 4 });
    expect(chooseSegment({ ...business, segmentOverride: 'business-key-account' }, chronic)).toEqual({
      segment: 'business-key-account',
      reason: 'segment set by hand: business-key-account',
    });
  });

  it('duns every consumer with the consumer policy', () => {
    expect(chooseSegment(consumer, behaviour({ invoicesPaidLate: 9, averageDaysLate: 30 })).segment).toBe(
      'consumer-standard',
    );
  });

  it('treats a business that pays most invoices more than a week late as a chronic late payer', () => {
    const choice = chooseSegment(
      business,
      behaviour({ invoicesPaid: 4, invoicesPaidLate: 3, averageDaysLate: 12 }),
    );
    expect(choice).toEqual({
      segment: 'business-chronic-late',
      reason: 'chronic late payer: 3 of 4 invoices paid late, 12.0 days late on average',
    });
  });

  it('treats a business whose dunning escalated twice as a chronic late payer', () => {
    expect(chooseSegment(business, behaviour({ escalations: 2 })).segment).toBe('business-chronic-late');
  });

  it('does not treat an occasional late payer as chronic', () => {
    const once = behaviour({ invoicesPaid: 10, invoicesPaidLate: 1, averageDaysLate: 3, escalations: 1 });
    expect(chooseSegment(business, once).segment).toBe('business-standard');
  });

  it('does not treat a business that is often a few days late as chronic', () => {
    const slightly = behaviour({ invoicesPaid: 10, invoicesPaidLate: 6, averageDaysLate: 2 });
    expect(chooseSegment(business, slightly).segment).toBe('business-standard');
  });

  it('does not judge a new business on one or two late invoices', () => {
    const young = behaviour({ invoicesPaid: 2, invoicesPaidLate: 2, averageDaysLate: 20 });
    expect(chooseSegment(business, young).segment).toBe('business-standard');
  });

  it('makes a business a key account only by hand, however well it pays', () => {
    expect(chooseSegment(business, behaviour()).segment).toBe('business-standard');
  });
});

describe('payment behaviour', () => {
  it('counts late invoices and averages the days late over all paid invoices', () => {
    const settled = [
      { dueDate: '2026-01-10', paidDate: '2026-01-05' },
      { dueDate: '2026-01-10', paidDate: '2026-01-10' },
      { dueDate: '2026-01-31', paidDate: '2026-02-12' },
    ];
    expect(paymentBehaviour(settled, 1)).toEqual({
      invoicesPaid: 3,
      invoicesPaidLate: 1,
      averageDaysLate: 4,
      escalations: 1,
    });
  });

  it('is a clean record for a debtor with no paid invoices yet', () => {
    expect(paymentBehaviour([], 0)).toEqual({
      invoicesPaid: 0,
      invoicesPaidLate: 0,
      averageDaysLate: 0,
      escalations: 0,
    });
  });
});
