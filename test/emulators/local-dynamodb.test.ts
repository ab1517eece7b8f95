import { randomUUID } from 'node:crypto';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TABLE_DESIGN } from '../../functions/adapters/dynamodb/table-design';
import { ensureTable } from '../../local/dynamodb/create-table';

describe('DynamoDB Local from the integration run', () => {
  const tableName = `local-dynamodb-test-${randomUUID()}`;
  let client: DynamoDBClient;
  let documents: DynamoDBDocumentClient;

  beforeAll(async () => {
    client = new DynamoDBClient({
      endpoint: inject('dynamodbEndpoint'),
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    documents = DynamoDBDocumentClient.from(client);
    await ensureTable(client, tableName);
  });

  afterAll(() => {
    documents.destroy();
  });

  it('creates the table on demand billing with every index of the table design, each with its projection', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema?.map((key) => key.AttributeName),
      projection: index.Projection?.ProjectionType,
    }));
    expect(indexes).toEqual(
      expect.arrayContaining(
        TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
          name: index.indexName,
          keys: [index.partitionKey, index.sortKey],
          projection: index.projection,
        })),
      ),
    );
    expect(indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['gsi1', 'gsi2']));
  });

  it('enables TTL on expiresAt', async () => {
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    );

    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('leaves an existing table and its items alone when ensureTable runs again', async () => {
    await documents.send(new PutCommand({ TableName: tableName, Item: { pk: 'INVOICE#keep', sk: 'META' } }));

    await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);

    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'INVOICE#keep', sk: 'META' } }),
    );
    expect(Item).toEqual({ pk: 'INVOICE#keep', sk: 'META' });
  });

  it('writes nothing from a TransactWriteItems whose condition fails', async () => {
    await documents.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'INVOICE#42', sk: 'META', balanceCents: 10_000 } }),
    );

    const transaction = documents.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: { TableName: tableName, Item: { pk: 'INVOICE#42', sk: 'PAYMENT#p-1', amountCents: 4_000 } },
          },
          {
            Update: {
              TableName: tableName,
              Key: { pk: 'INVOICE#42', sk: 'META' },
              UpdateExpression: 'SET balanceCents = balanceCents - :paid',
              // The balance is 10 000, so this guard fails and must take the payment item down with it.
              ConditionExpression: 'balanceCents = :expected',
              ExpressionAttributeValues: { ':paid': 4_000, ':expected': 99_999 },
            },
          },
        ],
      }),
    );

    await expect(transaction).rejects.toBeInstanceOf(TransactionCanceledException);
    await expect(transaction).rejects.toMatchObject({
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
    });
    const payment = await documents.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'INVOICE#42', sk: 'PAYMENT#p-1' } }),
    );
    const invoice = await documents.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'INVOICE#42', sk: 'META' } }),
    );
    expect(payment.Item).toBeUndefined();
    expect(invoice.Item?.balanceCents).toBe(10_000);
  });
});
