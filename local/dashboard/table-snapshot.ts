import { type DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import type { InvoiceStatus } from '../../functions/core/ledger/invoice';

export interface InvoiceFacts {
  status: InvoiceStatus;
  currency: string;
  totalAmount: number;
  openAmount: number;
  issueDate: string;
  dueDate: string;
}

export interface TableSnapshot {
  debtors: number;
  invoices: InvoiceFacts[];
  openTasks: { kind: string }[];
}

/**
 * Everything the portfolio figures need, in one scan of the table. A scan is the wrong tool in
 * AWS (the CloudWatch dashboard does this job there), but a local table holds a few thousand
 * items and the figures must be exact, not sampled.
 */
export async function readTableSnapshot(
  doc: DynamoDBDocumentClient,
  tableName: string,
): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = { debtors: 0, invoices: [], openTasks: [] };
  const pages = paginateScan(
    { client: doc },
    {
      TableName: tableName,
      FilterExpression: 'itemType IN (:invoice, :debtor, :task)',
      ProjectionExpression: 'itemType, #status, currency, totalAmount, openAmount, issueDate, dueDate, kind',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':invoice': 'invoice', ':debtor': 'debtor', ':task': 'task' },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      if (item.itemType === 'debtor') snapshot.debtors++;
      else if (item.itemType === 'task' && item.status === 'open')
        snapshot.openTasks.push({ kind: String(item.kind) });
      else if (item.itemType === 'invoice') snapshot.invoices.push(item as InvoiceFacts);
    }
  }
  return snapshot;
}
