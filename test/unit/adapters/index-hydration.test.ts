import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { wholeItems } from '../../../functions/adapters/dynamodb/index-hydration';

type Item = Record<string, unknown>;
interface BatchInput {
  RequestItems: Record<string, { Keys: Item[]; ConsistentRead?: boolean }>;
}

/** A document client that answers BatchGetItem from `table`, leaving keys unprocessed as told. */
function fakeClient(table: Item[], unprocessedOnFirstCall = 0) {
  const calls: BatchInput[] = [];
  const send = (command: { input: BatchInput }) => {
    calls.push(command.input);
    const keys = command.input.RequestItems.t?.Keys ?? [];
    const held = calls.length === 1 ? keys.slice(0, unprocessedOnFirstCall) : [];
    const answered = keys
      .slice(held.length)
      .flatMap((key) => table.filter((item) => item.pk === key.pk && item.sk === key.sk));
    return Promise.resolve({
      Responses: { t: answered.reverse() },
      ...(held.length > 0 ? { UnprocessedKeys: { t: { Keys: held } } } : {}),
    });
  };
  return { doc: { send } as unknown as DynamoDBDocumentClient, calls };
}

const invoice = (n: number, partition = 'OPEN_INVOICE') => ({
  pk: `INVOICE#${n}`,
  sk: '#INVOICE',
  gsi1pk: partition,
  gsi1sk: `2026-03-01#${n}`,
  id: String(n),
  openAmount: n * 100,
});
const entry = (n: number) => ({
  pk: `INVOICE#${n}`,
  sk: '#INVOICE',
  gsi1pk: 'OPEN_INVOICE',
  gsi1sk: `2026-03-01#${n}`,
});

describe('reading the whole items of a keys-only index', () => {
  it('reads the items of the entries in calls of at most 100 keys, eventually consistent, in the index order', async () => {
    const table = Array.from({ length: 250 }, (_, n) => invoice(n));
    const { doc, calls } = fakeClient(table);

    const items = await wholeItems(
      doc,
      't',
      'gsi1',
      table.map((item) => entry(Number(item.id))),
    );

    expect(items).toEqual(table);
    expect(calls.map((call) => call.RequestItems.t?.Keys.length)).toEqual([100, 100, 50]);
    expect(calls.every((call) => call.RequestItems.t?.ConsistentRead === false)).toBe(true);
  });

  it('reads again the keys DynamoDB left unprocessed', async () => {
    const table = [invoice(1), invoice(2), invoice(3)];
    const { doc, calls } = fakeClient(table, 2);

    const items = await wholeItems(doc, 't', 'gsi1', [entry(1), entry(2), entry(3)]);

    expect(items.map((item) => item.id)).toEqual(['1', '2', '3']);
    expect(calls).toHaveLength(2);
  });

  it('leaves out an item deleted since the query, or moved out of the partition it read', async () => {
    const table = [invoice(1), invoice(2, 'CLAIM_AT_AGENCY')];
    const { doc } = fakeClient(table);

    const items = await wholeItems(doc, 't', 'gsi1', [entry(1), entry(2), entry(3)]);

    expect(items.map((item) => item.id)).toEqual(['1']);
  });

  it('returns the entries of an index that projects every attribute as they are, reading nothing', async () => {
    const { doc, calls } = fakeClient([]);
    const entries = [
      { pk: 'DEBTOR#1', sk: '#OVERDUE#EUR', gsi5pk: 'DEBTOR_OVERDUE#EUR', gsi5sk: 10, overdue: 10 },
    ];

    expect(await wholeItems(doc, 't', 'gsi5', entries)).toEqual(entries);
    expect(await wholeItems(doc, 't', undefined, entries)).toEqual(entries);
    expect(calls).toEqual([]);
  });
});
