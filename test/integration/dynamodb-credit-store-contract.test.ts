import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, inject } from 'vitest';
import { DynamoDbCreditStore } from '../../functions/adapters/dynamodb/dynamodb-credit-store';
import { ensureTable } from '../../local/dynamodb/create-table';
import { creditStoreContract } from '../support/credit-store-contract';

describe('the DynamoDB credit store keeps the credit store contract', () => {
  const client = new DynamoDBClient({
    endpoint: inject('dynamodbEndpoint'),
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  afterAll(() => {
    client.destroy();
  });

  creditStoreContract(async () => {
    const tableName = `credit-store-contract-${randomUUID()}`;
    await ensureTable(client, tableName);
    return new DynamoDbCreditStore(client, tableName);
  });
});
