import { describe, expect, it } from 'vitest';
import { euros, toCsv } from '../../../functions/core/reports/csv';
import { invoicePosition, positionChange } from '../../../functions/core/reports/invoice-position';
import { bucketOf, periodEndingAt, portfolioDay } from '../../../functions/core/reports/portfolio-day';
import { emptyPosition, rollForward } from '../../../functions/core/reports/portfolio-position';
import { ConcurrentModificationError } from '../../../functions/ports/credit-store';
import { withPortfolioLedger } from '../../../functions/use-cases/reports/portfolio-ledger';
import { invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const clock = { now: () => new Date('2026-03-10T10:00:00Z') };

describe('the portfolio ledger', () => {
  it('counts a payment as the open amount it takes off the due date of its invoice, and nothing else', () => {
    const before = invoicePosition({
      ...invoiceRecord({ dueDate: '2026-03-01', openAmount: 100_00 }),
      status: 'overdue',
      dunning: { status: 'running' },
    });
    const after = { ...before, receivable: 60_00 };

    expect(positionChange(before, after)).toEqual([
      { currency: 'EUR', name: 'open:2026-03-01', delta: -40_00 },
    ]);
  });

  it('counts an overdue invoice whose dunning is paused for a dispute as unchased, for the dispute', () => {
    const invoice = {
      ...invoiceRecord({ dueDate: '2026-03-01' }),
      dunning: { status: 'paused', pausedFor: 'dispute' } as const,
    };

    expect(invoicePosition(invoice).unchased).toBe('dispute');
    expect(invoicePosition({ ...invoice, status: 'in_collection' }).unchased).toBeUndefined();
  });

  it('adds the counters to the invoice change in the same commit, so that a lost race adds nothing', async () => {
    const raw = new InMemoryCreditStore();
    const store = withPortfolioLedger(raw, clock);
    const invoice = invoiceRecord({ dueDate: '2026-03-01', totalAmount: 100_00, openAmount: 100_00 });
    await store.commit([{ kind: 'putInvoice', invoice, expectedVersion: null }]);
    const paid = { ...invoice, openAmount: 0, status: 'paid' as const, version: invoice.version + 1 };

    await expect(
      store.commit([{ kind: 'putInvoice', invoice: paid, expectedVersion: 7 }]),
    ).rejects.toBeInstanceOf(ConcurrentModificationError);

    const counters = await raw.listPortfolioCounters('2026-03-10', '2026-03-10');
    expect(counters.flatMap((entry) => Object.entries(entry.counters))).toEqual(
      expect.arrayContaining([
        ['open:2026-03-01', 100_00],
        ['openCount:2026-03-01', 1],
      ]),
    );
  });

  it('merges due dates more than 120 days back into one figure, which stays in the last bucket', () => {
    const position = rollForward(
      emptyPosition('2026-01-01'),
      [
        {
          day: '2026-01-02',
          currency: 'EUR',
          counters: { 'open:2025-10-01': 5_00, 'openCount:2025-10-01': 1 },
        },
      ],
      '2026-03-10',
    );

    expect(position.currencies.EUR?.open).toEqual({ byDueDate: {}, older: { amount: 5_00, count: 1 } });
    expect(portfolioDay('EUR', '2026-03-10', position.currencies.EUR, undefined).aging['120+']).toEqual({
      amount: 5_00,
      count: 1,
    });
  });
});

describe('the figures of a day', () => {
  it('takes the month ending at a day from the day after the same day of the month before', () => {
    expect(periodEndingAt('2026-03-15')).toEqual({ from: '2026-02-16', to: '2026-03-15' });
    expect(periodEndingAt('2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodEndingAt('2026-01-10')).toEqual({ from: '2025-12-11', to: '2026-01-10' });
  });

  it('keeps an invoice due today current, and one 30 days past due in 1-30', () => {
    expect(bucketOf('2026-03-10', '2026-03-10')).toBe('current');
    expect(bucketOf('2026-02-08', '2026-03-10')).toBe('1-30');
    expect(bucketOf('2026-02-07', '2026-03-10')).toBe('31-60');
    expect(bucketOf('2025-11-10', '2026-03-10')).toBe('91-120');
    expect(bucketOf('2025-11-09', '2026-03-10')).toBe('120+');
  });

  it('gives a CEI of 80% when 1,000 open and 1,000 sold leave 400 open, of which nothing current', () => {
    const opening = rollForward(
      emptyPosition('2026-01-01'),
      [
        {
          day: '2026-01-02',
          currency: 'EUR',
          counters: { 'open:2026-01-10': 1_000_00, 'sales:2026-01-02': 1_000_00 },
        },
      ],
      '2026-02-15',
    );
    const closing = rollForward(
      opening,
      [
        {
          day: '2026-02-20',
          currency: 'EUR',
          counters: { 'open:2026-01-10': -1_000_00, 'open:2026-02-20': 400_00, 'sales:2026-02-20': 1_000_00 },
        },
      ],
      '2026-03-15',
    );

    const figures = portfolioDay('EUR', '2026-03-15', closing.currencies.EUR, opening.currencies.EUR);

    // (1,000 + 1,000 − 400) / (1,000 + 1,000 − 0) = 80%; 400 overdue of 1,000 sold over 28 days: 11 days.
    expect(figures.cei).toBe(80);
    expect(figures.averageDaysDelinquent).toBe(11);
  });
});

describe('the CSV writer', () => {
  it('writes a header row, CRLF between rows, and quotes what holds a comma, a quote or a line break', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n1,\r\n');
  });

  it('keeps a spreadsheet from running text as a formula, but leaves a negative amount a number', () => {
    expect(toCsv(['name', 'amount'], [['=HYPERLINK("x")', '-12.50']])).toBe(
      'name,amount\r\n"\'=HYPERLINK(""x"")",-12.50\r\n',
    );
  });

  it('writes cents as euros with two decimals', () => {
    expect([euros(123_456), euros(5), euros(-1_005), euros(0)]).toEqual([
      '1234.56',
      '0.05',
      '-10.05',
      '0.00',
    ]);
  });
});
