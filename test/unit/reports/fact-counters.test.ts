import { describe, expect, it } from 'vitest';
import { expectedPaymentOf, invoiceContributions } from '../../../functions/core/reports/fact-counters';
import { median } from '../../../functions/core/reports/fact-figures';

const paidInvoice = (stepAt: string, closedAt: string) => ({
  status: 'paid' as const,
  currency: 'EUR',
  openAmount: 0,
  totalAmount: 100_00,
  dueDate: '2026-03-01',
  closedAt,
  dunning: {
    policyId: 'business-standard',
    status: 'stopped' as const,
    lastStep: { slot: 'firstReminder' as const, status: 'sent' as const, at: stepAt },
  },
});

describe('the counters of the dunning report', () => {
  it('counts an invoice paid on the 14th day after its last step as cured at that step, on the day of the step', () => {
    const changes = invoiceContributions(paidInvoice('2026-03-04T08:00:00Z', '2026-03-18T10:00:00Z'));
    expect(changes).toContainEqual({
      family: 'dunning',
      day: '2026-03-04',
      name: 'cured|business-standard|firstReminder',
      delta: 1,
    });
    expect(changes).toContainEqual({
      family: 'dunning',
      day: '2026-03-18',
      name: 'ended|business-standard|firstReminder',
      delta: 1,
    });
  });

  it('does not count an invoice paid on the 15th day after its last step as cured, only as ended there', () => {
    const changes = invoiceContributions(paidInvoice('2026-03-04T08:00:00Z', '2026-03-19T10:00:00Z'));
    expect(changes.map((change) => change.name)).toEqual(['ended|business-standard|firstReminder']);
  });

  it('does not count a skipped step as reached: an invoice closed after it ended before any step', () => {
    const invoice = paidInvoice('2026-03-04T08:00:00Z', '2026-03-05T10:00:00Z');
    invoice.dunning.lastStep = { ...invoice.dunning.lastStep, status: 'skipped' as 'sent' };
    expect(invoiceContributions(invoice).map((change) => change.name)).toEqual([
      'ended|business-standard|none',
    ]);
  });
});

describe('the forecast weighting and the median', () => {
  it("weighs a debtor's invoices by its share paid on time and the average days late of the late ones", () => {
    expect(expectedPaymentOf({ invoicesPaid: 4, invoicesPaidLate: 1, totalDaysLate: 12 })).toEqual({
      onTimePercent: 75,
      lateDays: 12,
    });
    expect(expectedPaymentOf({ invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0 })).toEqual({
      onTimePercent: 100,
      lateDays: 0,
    });
  });

  it('splits an open invoice into the on-time share on its due date and the rest its days late after it', () => {
    const changes = invoiceContributions({
      status: 'open',
      currency: 'EUR',
      openAmount: 1_000_01,
      totalAmount: 1_000_01,
      dueDate: '2026-03-25',
      expectedPayment: { onTimePercent: 75, lateDays: 12 },
    });
    expect(changes).toEqual([
      { family: 'expected', day: '2026-03-25', name: 'invoices|EUR', delta: 750_01 },
      { family: 'expected', day: '2026-04-06', name: 'invoices|EUR', delta: 250_00 },
    ]);
  });

  it('reads the median of days to resolve from a histogram: the middle value, or the mean of the two middle ones', () => {
    expect(median(new Map([[3, 1]]))).toBe(3);
    expect(
      median(
        new Map([
          [1, 2],
          [10, 1],
        ]),
      ),
    ).toBe(1);
    expect(
      median(
        new Map([
          [2, 1],
          [5, 1],
        ]),
      ),
    ).toBe(3.5);
    expect(median(new Map())).toBeNull();
  });
});
