import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DESIGN } from '../../functions/adapters/dynamodb/table-design';

/**
 * Creates the single table locally exactly as the CDK storage construct declares it (same keys,
 * indexes and TTL attribute), or leaves it alone if it exists. Safe to call on every start, also
 * from several processes at once.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await describe(client, tableName);
  if (existing) assertMatchesDesign(existing, tableName);
  else await create(client, tableName);
  await enableTimeToLive(client, tableName);
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function create(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, globalSecondaryIndexes } = TABLE_DESIGN;
  const keyNames = [
    partitionKey,
    sortKey,
    ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const numberKeys = new Set<string>(
    globalSecondaryIndexes.flatMap((index) => ('sortKeyType' in index ? [index.sortKey] : [])),
  );
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyNames.map((name) => ({
          AttributeName: name,
          AttributeType: numberKeys.has(name) ? 'N' : 'S',
        })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: index.projection },
        })),
      }),
    );
  } catch (error) {
    // Another process created it between our DescribeTable and CreateTable.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
}

/**
 * A table kept on disk (`dbPath`) from before a change to the design would make queries on the new
 * index fail much later with a confusing message; say so now instead.
 */
function assertMatchesDesign(table: TableDescription, tableName: string): void {
  // An index of another projection counts as missing: the store would still read right, but the
  // table would not be the one deployed, and its write units not the ones billed.
  const present = new Set(
    (table.GlobalSecondaryIndexes ?? []).map(
      (index) => `${index.IndexName}:${index.Projection?.ProjectionType ?? 'ALL'}`,
    ),
  );
  const missing = TABLE_DESIGN.globalSecondaryIndexes.filter(
    (index) => !present.has(`${index.indexName}:${index.projection}`),
  );
  if (missing.length > 0) {
    const names = missing.map((index) => index.indexName).join(', ');
    throw new Error(
      `table ${tableName} exists without index ${names} as the table design declares it (keys and projection): it predates the current table design; delete the local database to recreate it`,
    );
  }
}

async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = current.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    // A concurrent caller enabled it first; DynamoDB rejects a request that changes nothing.
    if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
  }
}
