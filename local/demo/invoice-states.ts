import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/item-keys';
import type { DunningSlot } from '../../functions/core/dunning/dunning-slot';
import type { InvoiceStatus } from '../../functions/core/ledger/invoice';

export interface InvoiceState {
  status: InvoiceStatus;
  /** When each dunning step acts; present once the sweep has started the invoice's dunning. */
  schedule?: Record<DunningSlot, string>;
}

export type ReadInvoiceStates = (invoiceIds: readonly string[]) => Promise<Map<string, InvoiceState>>;

const BATCH = 100;

/**
 * Reads where invoices stand straight from the table: the demo's debtors react to the letters
 * they receive, and the dunning schedule on the invoice says when each letter goes out.
 */
export function invoiceStateReader(options: { endpoint: string; tableName: string }): ReadInvoiceStates {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: options.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return async (invoiceIds) => {
    const states = new Map<string, InvoiceState>();
    for (let start = 0; start < invoiceIds.length; start += BATCH) {
      let pending: Record<string, unknown>[] = invoiceIds
        .slice(start, start + BATCH)
        .map((id) => keys.invoice(id));
      // DynamoDB may hand back part of a batch as unprocessed; ask again for that part.
      while (pending.length > 0) {
        const out = await doc.send(
          new BatchGetCommand({
            RequestItems: {
              [options.tableName]: {
                Keys: pending,
                ProjectionExpression: 'id, #status, dunning',
                ExpressionAttributeNames: { '#status': 'status' },
              },
            },
          }),
        );
        for (const item of out.Responses?.[options.tableName] ?? []) {
          const schedule = (item.dunning as { schedule?: InvoiceState['schedule'] } | undefined)?.schedule;
          states.set(item.id as string, {
            status: item.status as InvoiceStatus,
            ...(schedule ? { schedule } : {}),
          });
        }
        pending = out.UnprocessedKeys?.[options.tableName]?.Keys ?? [];
      }
    }
    return states;
  };
}
