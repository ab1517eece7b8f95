import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import type { InvoiceRecord } from '../../functions/ports/credit-store';
import { ensureTable } from '../../local/dynamodb/create-table';
import { startInspectingProxy } from '../../local/http/inspecting-proxy';
import { debtorRecord, invoiceRecord, taskRecord } from '../support/credit-records';

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** The consumed capacity of every write, read off the wire, split by table and index. */
describe('the single table projects the keys only into the indexes an invoice sits in', () => {
  const writes: { operation: string; consumed: Consumed[] }[] = [];
  let client: DynamoDBClient;
  let store: DynamoDbCreditStore;
  let stopProxy: () => Promise<void>;

  beforeAll(async () => {
    const proxy = await startInspectingProxy({
      name: 'capacity recorder',
      target: inject('dynamodbEndpoint'),
      inspect: (exchange) => {
        const operation = String(exchange.requestHeaders['x-amz-target'] ?? '').split('.')[1] ?? '';
        if (!/Write|Put|Update/.test(operation) || exchange.status !== 200) return;
        const answer = JSON.parse(exchange.responseBody.toString()) as {
          ConsumedCapacity?: Consumed | Consumed[];
        };
        const consumed = answer.ConsumedCapacity;
        writes.push({ operation, consumed: Array.isArray(consumed) ? consumed : consumed ? [consumed] : [] });
      },
    });
    stopProxy = proxy.stop;
    client = new DynamoDBClient({
      endpoint: proxy.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableName = `index-projections-${randomUUID()}`;
    await ensureTable(client, tableName);
    store = new DynamoDbCreditStore(client, tableName);
  });

  afterAll(async () => {
    client.destroy();
    await stopProxy();
  });

  it('writes a step of the dunning to the invoice item alone, none of its five index entries', async () => {
    const debtor = debtorRecord();
    const invoice = invoiceRecord({ debtorId: debtor.id, status: 'overdue', accountOwner: 'ctrl-1' });
    const task = taskRecord({ debtorId: debtor.id, invoiceId: invoice.id });
    await store.commit([
      { kind: 'putDebtor', debtor, expectedVersion: null },
      { kind: 'putInvoice', invoice, expectedVersion: null },
      { kind: 'putTask', task, expectedVersion: null },
    ]);
    const stored = (await store.getInvoice(invoice.id)) as InvoiceRecord;
    writes.length = 0;

    const stepped: InvoiceRecord = {
      ...stored,
      dunning: {
        status: 'running',
        policyId: 'business-standard',
        policyVersion: 1,
        segmentReason: 'business',
        execution: `${invoice.id}--1`,
        attempt: 1,
        schedule: {} as NonNullable<InvoiceRecord['dunning']>['schedule'],
      } as NonNullable<InvoiceRecord['dunning']>,
      version: stored.version + 1,
    };
    await store.commit([
      { kind: 'putInvoice', invoice: stepped, expectedVersion: stored.version },
      { kind: 'putTask', task: { ...task, summary: 'Call again' }, expectedVersion: task.version },
    ]);

    expect(writes).toHaveLength(1);
    const [consumed] = writes[0]?.consumed ?? [];
    expect(consumed?.Table?.CapacityUnits).toBeGreaterThan(0);
    // Their index keys did not change: no index entry of the invoice or the task was written.
    expect(consumed?.GlobalSecondaryIndexes ?? {}).toEqual({});
    expect((await store.getInvoice(invoice.id))?.dunning?.execution).toBe(`${invoice.id}--1`);
  });

  it('answers a query of a keys-only index with the whole items, in the index order, past a batch of 100', async () => {
    const debtor = debtorRecord();
    const invoices = Array.from({ length: 230 }, (_, i) =>
      invoiceRecord({
        debtorId: debtor.id,
        status: 'overdue',
        dueDate: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      }),
    );
    await store.commit([{ kind: 'putDebtor', debtor, expectedVersion: null }]);
    for (let i = 0; i < invoices.length; i += 90) {
      await store.commit(
        invoices
          .slice(i, i + 90)
          .map((invoice) => ({ kind: 'putInvoice' as const, invoice, expectedVersion: null })),
      );
    }

    const listed = await store.listInvoicesOfDebtor(debtor.id);

    const expected = [...invoices].sort((a, b) => (`${a.dueDate}#${a.id}` < `${b.dueDate}#${b.id}` ? -1 : 1));
    expect(listed.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    const byId = new Map(invoices.map((i) => [i.id, i]));
    for (const read of listed) {
      expect(read).toMatchObject({ ...byId.get(read.id), overdueCounted: expect.any(Number) });
    }
    const page = await store.pageInvoices({ status: 'overdue' }, { limit: 7 });
    expect(page.items).toHaveLength(7);
    expect(page.items[0]).toHaveProperty('paymentReference');
  });
});
