import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDbCreditStore } from '../../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../../functions/ports/credit-store';
import { portfolioReport } from '../../../functions/use-cases/reports/portfolio-report';
import { ensureTable } from '../../../local/dynamodb/create-table';

const STAMP = { version: 1, createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z' };

function debtor(id: string): DebtorRecord {
  return {
    ...STAMP,
    id,
    name: `Debtor ${id}`,
    kind: 'business',
    language: 'nl',
    creditHold: false,
    credits: {},
    behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
  };
}

function invoice(id: string, changes: Partial<InvoiceRecord>): InvoiceRecord {
  return {
    ...STAMP,
    id,
    number: `INV-${id}`,
    debtorId: 'deb-1',
    currency: 'EUR',
    totalAmount: 10_000,
    openAmount: 10_000,
    issueDate: '2026-02-01',
    dueDate: '2026-03-01',
    paymentReference: `RF-${id}`,
    status: 'open',
    ...changes,
  };
}

describe('the portfolio report on the DynamoDB table', () => {
  const tableName = `reports-${randomUUID()}`;
  let client: DynamoDBClient;
  let store: DynamoDbCreditStore;

  beforeAll(async () => {
    client = new DynamoDBClient({
      endpoint: inject('dynamodbEndpoint'),
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureTable(client, tableName);
    store = new DynamoDbCreditStore(client, tableName);
    const writes: StoreWrite[] = [
      { kind: 'putDebtor', debtor: debtor('deb-1'), expectedVersion: null },
      { kind: 'putDebtor', debtor: debtor('deb-2'), expectedVersion: null },
      { kind: 'putInvoice', invoice: invoice('inv-1', {}), expectedVersion: null },
      {
        kind: 'putInvoice',
        invoice: invoice('inv-2', { status: 'in_collection', dueDate: '2025-11-01', openAmount: 4_000 }),
        expectedVersion: null,
      },
      {
        kind: 'putInvoice',
        invoice: invoice('inv-3', { status: 'paid', openAmount: 0, closedAt: '2026-03-02T10:00:00Z' }),
        expectedVersion: null,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId: 'inv-1' },
        event: {
          at: '2026-03-01T09:00:00Z',
          type: 'invoice_received',
          actor: 'invoicing-system',
          summary: 'x',
        },
      },
    ];
    for (const write of writes) await store.commit([write]);
  });

  afterAll(() => client.destroy());

  it('lists every invoice, whatever its status, and nothing but invoices', async () => {
    const invoices: InvoiceRecord[] = [];
    for await (const item of store.listInvoices()) invoices.push(item);

    expect(invoices.map((i) => i.id).sort()).toEqual(['inv-1', 'inv-2', 'inv-3']);
    expect(invoices[0]).not.toHaveProperty('pk');
  });

  it('counts the debtors on file', async () => {
    expect(await store.countDebtors()).toBe(2);
  });

  it('ages the receivables read from the table, the collection agency’s included', async () => {
    const report = await portfolioReport({ store, clock: { now: () => new Date('2026-03-31T10:00:00Z') } });

    expect(report).toMatchObject({
      debtors: 2,
      invoices: 3,
      openInvoices: 2,
      openAmount: { EUR: 14_000 },
      overdueAmount: { EUR: 14_000 },
    });
    expect(report.aging.EUR).toMatchObject({ '1–30': 10_000, 'over 120': 4_000 });
  });
});
