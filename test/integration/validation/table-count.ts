import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { LocalCloud } from '../../../local/cloud/local-cloud';

/**
 * How many items the local cloud's table holds: "nothing stored" means this does not move. A
 * count, not a comparison of items: reads never write, so only a write can change it.
 */
export async function itemCount(cloud: LocalCloud): Promise<number> {
  const client = new DynamoDBClient({
    endpoint: cloud.endpoints.dynamodb,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    let count = 0;
    let start: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: cloud.tableName,
          Select: 'COUNT',
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    return count;
  } finally {
    client.destroy();
  }
}
