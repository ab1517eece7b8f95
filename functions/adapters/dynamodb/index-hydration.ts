import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indexPartitionKey, projectsKeysOnly } from './table-design';

type Item = Record<string, unknown>;

/** BatchGetItem reads at most 100 keys a call. */
const BATCH = 100;
/** Attempts at keys DynamoDB left unprocessed (throttled) before giving up. */
const ATTEMPTS = 8;

/**
 * The whole items of a page of index entries, in the page's order. An index that projects all
 * attributes already returned them; one that projects the keys only returned their table keys,
 * which are read here with BatchGetItem, eventually consistent as the query was, in parallel calls
 * of 100. An item deleted since, or moved out of the queried partition of the index (an invoice
 * settled a moment ago), is left out, as the query a moment later would have left it out.
 */
export async function wholeItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  indexName: string | undefined,
  entries: readonly Item[],
): Promise<Item[]> {
  if (!projectsKeysOnly(indexName) || entries.length === 0) return [...entries];
  const partitionKey = indexPartitionKey(indexName as string) as string;
  const keys = entries.map((entry) => ({ pk: entry.pk, sk: entry.sk }));
  const chunks: { pk: unknown; sk: unknown }[][] = [];
  for (let i = 0; i < keys.length; i += BATCH) chunks.push(keys.slice(i, i + BATCH));
  const read = (await Promise.all(chunks.map((chunk) => batchGet(doc, tableName, chunk)))).flat();
  const byKey = new Map(read.map((item) => [keyOf(item), item]));
  return entries.flatMap((entry) => {
    const item = byKey.get(keyOf(entry));
    return item && item[partitionKey] === entry[partitionKey] ? [item] : [];
  });
}

async function batchGet(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: { pk: unknown; sk: unknown }[],
): Promise<Item[]> {
  const items: Item[] = [];
  let pending: Item[] = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unread`);
    // Back off before a retry of what DynamoDB did not read (it throttled part of the batch).
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const out = await doc.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys: pending, ConsistentRead: false } },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    items.push(...(out.Responses?.[tableName] ?? []));
    pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return items;
}

function keyOf(item: Item): string {
  return `${String(item.pk)}\u0000${String(item.sk)}`;
}
