import { describe, expect, it } from 'vitest';
import { daysSalesOutstanding } from '../../../functions/core/reports/days-sales-outstanding';
import { invoice } from './portfolio-fixtures';

describe('days sales outstanding', () => {
  it('is 30 days by the standard method when EUR 1,000 is open against EUR 3,000 sold in the last 90 days', () => {
    const dso = daysSalesOutstanding(
      [
        invoice({ issueDate: '2026-02-01', totalAmount: 200_000, openAmount: 0, status: 'paid' }),
        invoice({ issueDate: '2026-03-15', totalAmount: 100_000, openAmount: 100_000 }),
      ],
      '2026-03-31',
    );

    expect(dso.EUR?.standard).toBe(30);
  });

  it('counts back month by month: EUR 2,500 open covers March (31 days) and three quarters of February (21 days)', () => {
    // Sales: January 3,000, February 2,000, March 1,000. Open: 1,500 of February's, all of March's.
    const portfolio = [
      invoice({ issueDate: '2026-01-10', totalAmount: 300_000, openAmount: 0, status: 'paid' }),
      invoice({ issueDate: '2026-02-10', totalAmount: 200_000, openAmount: 150_000, status: 'overdue' }),
      invoice({ issueDate: '2026-03-10', totalAmount: 100_000, openAmount: 100_000 }),
    ];

    const dso = daysSalesOutstanding(portfolio, '2026-03-31');

    // 31 + 1,500 / 2,000 × 28 = 52 days; the standard method, which spreads the falling sales
    // over the 90 days (1 January – 31 March), says 2,500 / 6,000 × 90 = 37.5, rounded to 38.
    expect(dso.EUR).toEqual({ countback: 52, standard: 38 });
  });

  it('counts the current month only up to today', () => {
    const dso = daysSalesOutstanding(
      [invoice({ issueDate: '2026-03-02', totalAmount: 100_000, openAmount: 50_000 })],
      '2026-03-10',
    );

    // March 1–10 is 10 days of sales; half of them are open.
    expect(dso.EUR?.countback).toBe(5);
  });

  it('takes the sales of the 90 days up to and including today, not the day before the period', () => {
    const dso = daysSalesOutstanding(
      [
        invoice({ issueDate: '2025-12-31', totalAmount: 900_000, openAmount: 0, status: 'paid' }),
        invoice({ issueDate: '2026-01-01', totalAmount: 100_000, openAmount: 0, status: 'paid' }),
        invoice({ issueDate: '2026-03-31', totalAmount: 100_000, openAmount: 100_000 }),
      ],
      '2026-03-31',
    );

    expect(dso.EUR?.standard).toBe(45);
  });

  it('does not count cancelled invoices as sales, nor invoices dated after today', () => {
    const dso = daysSalesOutstanding(
      [
        invoice({ issueDate: '2026-03-01', totalAmount: 100_000, openAmount: 50_000 }),
        invoice({ issueDate: '2026-03-01', totalAmount: 500_000, openAmount: 0, status: 'cancelled' }),
        invoice({ issueDate: '2026-04-01', totalAmount: 500_000, openAmount: 0, status: 'paid' }),
      ],
      '2026-03-31',
    );

    expect(dso.EUR?.standard).toBe(45);
  });

  it('has no DSO for a currency with nothing sold, and zero days when nothing is open', () => {
    const dso = daysSalesOutstanding(
      [
        invoice({ currency: 'GBP', issueDate: '2025-06-01', totalAmount: 100_000, openAmount: 100_000 }),
        invoice({ issueDate: '2026-03-01', totalAmount: 100_000, openAmount: 0, status: 'paid' }),
      ],
      '2026-03-31',
    );

    expect(dso.GBP?.standard).toBeNull();
    // Nothing sold since June: every month from July to March (274 days) and June in full.
    expect(dso.GBP?.countback).toBe(304);
    expect(dso.EUR).toEqual({ standard: 0, countback: 0 });
  });

  it('has no countback when the sales on record cannot account for what is open', () => {
    const dso = daysSalesOutstanding(
      [invoice({ issueDate: '2026-04-15', openAmount: 10_000 })],
      '2026-03-31',
    );

    expect(dso.EUR).toEqual({ standard: null, countback: null });
  });
});
