import { describe, expect, it } from 'vitest';
import { ageReceivables, agingBucket } from '../../../functions/core/reports/aging';
import { invoice } from './portfolio-fixtures';

const TODAY = '2026-03-31';

describe('aging buckets', () => {
  it.each([
    [-10, 'not yet due'],
    [0, 'not yet due'],
    [1, '1–30'],
    [30, '1–30'],
    [31, '31–60'],
    [60, '31–60'],
    [61, '61–90'],
    [90, '61–90'],
    [91, '91–120'],
    [120, '91–120'],
    [121, 'over 120'],
  ])('an invoice %i days past its due date falls in the %s bucket', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  it('ages an invoice due today as not yet due and one due yesterday as 1–30', () => {
    const aging = ageReceivables(
      [
        invoice({ dueDate: '2026-03-31', openAmount: 100 }),
        invoice({ dueDate: '2026-03-30', openAmount: 200 }),
      ],
      TODAY,
    );

    expect(aging.amounts.EUR).toMatchObject({ 'not yet due': 100, '1–30': 200 });
    expect(aging.counts.EUR).toMatchObject({ 'not yet due': 1, '1–30': 1 });
  });

  it('puts an invoice 31 days overdue in the 31–60 bucket with its open amount, not its total', () => {
    const aging = ageReceivables(
      [invoice({ dueDate: '2026-02-28', totalAmount: 50_000, openAmount: 12_345 })],
      TODAY,
    );

    expect(aging.amounts.EUR?.['31–60']).toBe(12_345);
    expect(aging.counts.EUR?.['31–60']).toBe(1);
  });

  it('counts days in the calendar, across a leap day', () => {
    // 2024-02-29 exists: from 2024-01-30 to 2024-03-01 is 31 days.
    const aging = ageReceivables([invoice({ dueDate: '2024-01-30' })], '2024-03-01');

    expect(aging.counts.EUR?.['31–60']).toBe(1);
  });

  it('keeps the collection agency’s invoices among the receivables, and leaves paid and cancelled ones out', () => {
    const aging = ageReceivables(
      [
        invoice({ status: 'in_collection', dueDate: '2025-10-01', openAmount: 700 }),
        invoice({ status: 'paid', openAmount: 0 }),
        invoice({ status: 'cancelled', openAmount: 0 }),
      ],
      TODAY,
    );

    expect(aging.amounts.EUR?.['over 120']).toBe(700);
    expect(Object.values(aging.counts.EUR ?? {}).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('ages each currency apart: euros and pounds are never added up', () => {
    const aging = ageReceivables(
      [invoice({ openAmount: 100 }), invoice({ currency: 'GBP', openAmount: 300 })],
      TODAY,
    );

    expect(aging.amounts.EUR?.['61–90']).toBe(100);
    expect(aging.amounts.GBP?.['61–90']).toBe(300);
  });
});
