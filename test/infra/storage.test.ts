import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_DESIGN } from '../../functions/adapters/dynamodb/table-design';
import { synthesize } from './app-fixture';

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];

describe('the single table', () => {
  let dev: Template;
  let prod: Template;
  beforeAll(() => {
    dev = synthesize('dev').template;
    prod = synthesize('prod').template;
  });

  it('is the one table of the table design, with its keys, TTL and every index with its projection', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 1);
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: keySchema(TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey),
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
      GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: index.projection },
        }),
      ),
    });
  });

  it('bills on demand, keeps point-in-time backups and is encrypted', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('survives a deleted stack in prod', () => {
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('is disposable in dev', () => {
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it('keeps the other stateful resources in prod and lets dev go', () => {
    for (const type of ['AWS::Cognito::UserPool', 'AWS::SecretsManager::Secret', 'AWS::KMS::Key']) {
      prod.hasResource(type, { DeletionPolicy: 'Retain' });
      dev.hasResource(type, { DeletionPolicy: 'Delete' });
    }
    expect(Object.keys(prod.findResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' }))).toEqual([]);
  });
});
