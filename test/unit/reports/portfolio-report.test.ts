import { describe, expect, it } from 'vitest';
import type { InvoiceRecord, TaskRecord } from '../../../functions/ports/credit-store';
import { portfolioReport } from '../../../functions/use-cases/reports/portfolio-report';
import { invoice } from './portfolio-fixtures';

function stored(id: string, facts: Partial<InvoiceRecord>): InvoiceRecord {
  return {
    id,
    number: `INV-${id}`,
    debtorId: 'deb-1',
    paymentReference: `RF18${id}`,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...invoice(),
    ...facts,
  };
}

function task(id: string, kind: TaskRecord['kind']): TaskRecord {
  return {
    id,
    kind,
    status: 'open',
    invoiceId: 'inv-1',
    debtorId: 'deb-1',
    dueDate: '2026-04-01',
    priority: 1,
    summary: 'Call the debtor',
    version: 1,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
  };
}

function storeOf(invoices: InvoiceRecord[], tasks: TaskRecord[] = [], debtors = 1) {
  return {
    async *listInvoices() {
      yield* invoices;
    },
    countDebtors: async () => debtors,
    listOpenTasks: async () => tasks,
  };
}

describe('the portfolio report', () => {
  it('counts the days in Amsterdam: at 00:30 on 1 April there, an invoice due on 31 March is overdue', async () => {
    // 22:30 UTC on 31 March is 00:30 CEST on 1 April.
    const clock = { now: () => new Date('2026-03-31T22:30:00Z') };
    const store = storeOf([stored('inv-1', { dueDate: '2026-03-31', openAmount: 5_000 })]);

    const report = await portfolioReport({ store, clock });

    expect(report.asOf).toBe('2026-04-01');
    expect(report.overdueAmount).toEqual({ EUR: 5_000 });
    expect(report.aging.EUR?.['1–30']).toBe(5_000);
  });

  it('adds the debtors on file and the controllers’ open tasks by kind', async () => {
    const clock = { now: () => new Date('2026-03-31T10:00:00Z') };
    const store = storeOf(
      [stored('inv-1', {}), stored('inv-2', { status: 'paid', openAmount: 0 })],
      [task('t-1', 'call'), task('t-2', 'call'), task('t-3', 'unreachable_by_email')],
      2,
    );

    const report = await portfolioReport({ store, clock });

    expect(report).toMatchObject({
      debtors: 2,
      invoices: 2,
      openInvoices: 1,
      openTasks: { total: 3, byKind: { call: 2, unreachable_by_email: 1 } },
    });
  });
});
