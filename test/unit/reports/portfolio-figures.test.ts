import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../../functions/core/ledger/invoice';
import { addDays } from '../../../functions/core/calendar/calendar-date';
import { AGING_BUCKETS } from '../../../functions/core/reports/aging';
import { portfolioFigures } from '../../../functions/core/reports/portfolio-figures';
import type { InvoiceFacts } from '../../../functions/core/reports/receivables';
import { invoice } from './portfolio-fixtures';

const TODAY = '2026-03-31';

describe('portfolio figures', () => {
  it('counts every invoice by status, and open amounts only where something is left to collect', () => {
    const figures = portfolioFigures(
      [
        invoice({ status: 'open', dueDate: '2026-04-14', openAmount: 1_000 }),
        invoice({ status: 'overdue', openAmount: 2_000 }),
        invoice({ status: 'in_collection', openAmount: 4_000 }),
        invoice({ status: 'paid', openAmount: 0 }),
        invoice({ status: 'cancelled', openAmount: 0 }),
      ],
      TODAY,
    );

    expect(figures.invoices).toBe(5);
    expect(figures.openInvoices).toBe(3);
    expect(figures.openAmount).toEqual({ EUR: 7_000 });
    expect(figures.byStatus.paid).toEqual({ count: 1, openAmount: {} });
    expect(figures.byStatus.in_collection).toEqual({ count: 1, openAmount: { EUR: 4_000 } });
  });

  it('calls overdue what is past its due date, whatever status the sweep has given it yet', () => {
    const figures = portfolioFigures(
      [
        invoice({ status: 'open', dueDate: '2026-03-30', openAmount: 1_000 }),
        invoice({ status: 'open', dueDate: '2026-03-31', openAmount: 2_000 }),
      ],
      TODAY,
    );

    expect(figures.overdueAmount).toEqual({ EUR: 1_000 });
  });

  it('reports as of the day it was given', () => {
    expect(portfolioFigures([], TODAY)).toMatchObject({ asOf: TODAY, invoices: 0, openAmount: {} });
  });
});

const STATUSES: readonly InvoiceStatus[] = ['open', 'overdue', 'paid', 'cancelled', 'in_collection'];
const CURRENCIES = ['EUR', 'GBP', 'USD'];

const anInvoice: fc.Arbitrary<InvoiceFacts> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    currency: fc.constantFrom(...CURRENCIES),
    totalAmount: fc.integer({ min: 1, max: 10_000_000 }),
    paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
    issuedDaysAgo: fc.integer({ min: -30, max: 400 }),
    termDays: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ status, currency, totalAmount, paidShare, issuedDaysAgo, termDays }) => {
    const issueDate = addDays(TODAY, -issuedDaysAgo);
    const settled = status === 'paid' || status === 'cancelled';
    return {
      status,
      currency,
      totalAmount,
      openAmount: settled ? 0 : totalAmount - Math.floor(totalAmount * paidShare),
      issueDate,
      dueDate: addDays(issueDate, termDays),
    };
  });

describe('portfolio figures over random portfolios', () => {
  it('ages every open cent and every open invoice exactly once', () => {
    fc.assert(
      fc.property(fc.array(anInvoice, { maxLength: 60 }), (invoices) => {
        const figures = portfolioFigures(invoices, TODAY);

        const open = invoices.filter(
          (i) => i.status !== 'paid' && i.status !== 'cancelled' && i.openAmount > 0,
        );
        for (const currency of Object.keys(figures.openAmount)) {
          const amounts = figures.aging[currency]!;
          const counts = figures.agingCounts[currency]!;
          expect(AGING_BUCKETS.reduce((total, b) => total + amounts[b], 0)).toBe(
            figures.openAmount[currency],
          );
          expect(AGING_BUCKETS.reduce((total, b) => total + counts[b], 0)).toBe(
            open.filter((i) => i.currency === currency).length,
          );
          expect(amounts['not yet due'] + (figures.overdueAmount[currency] ?? 0)).toBe(
            figures.openAmount[currency],
          );
        }
        const agedInvoices = Object.values(figures.agingCounts)
          .flatMap((counts) => AGING_BUCKETS.map((b) => counts[b]))
          .reduce((total, n) => total + n, 0);
        expect(agedInvoices).toBe(figures.openInvoices);
        expect(figures.openInvoices).toBe(open.length);
        expect(Object.values(figures.byStatus).reduce((total, s) => total + s.count, 0)).toBe(
          invoices.length,
        );
      }),
    );
  });
});
