import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentModificationError } from '../../ports/credit-store';
import { wholeItems } from './index-hydration';
import type { LetterTemplateStore } from '../../ports/letter-templates';
import type { LetterTemplateId, LetterTemplateVersion } from '../../templates/letter-texts/letter-template';

/** Partition (gsi1) of the letter templates' latest versions: GET /templates reads it. */
const TEMPLATES = 'TEMPLATE';

const templateKeys = {
  version: (id: string, version: number) => ({
    pk: `TEMPLATE#${id}`,
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  latest: (id: string) => ({ pk: `TEMPLATE#${id}`, sk: '#LATEST' }),
};

/** The letter templates' versions in the single table (docs/data-model.md, "Letter templates"). */
export class DynamoDbLetterTemplates implements LetterTemplateStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async getTemplate(id: LetterTemplateId, version?: number): Promise<LetterTemplateVersion | undefined> {
    // A stored version never changes: an eventually consistent read (half the units) returns it
    // exactly. The latest is read consistently, so an admin's edit shows in the next letter.
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: version === undefined ? templateKeys.latest(id) : templateKeys.version(id, version),
        ConsistentRead: version === undefined,
      }),
    );
    return out.Item ? templateOf(out.Item) : undefined;
  }

  async listTemplates(): Promise<LetterTemplateVersion[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': TEMPLATES },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(await wholeItems(this.doc, this.tableName, 'gsi1', out.Items ?? [])));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.map(templateOf);
  }

  async putTemplate(template: LetterTemplateVersion): Promise<void> {
    const { id, version } = template;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...templateKeys.version(id, version), itemType: 'templateVersion', ...template },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...templateKeys.latest(id),
                  gsi1pk: TEMPLATES,
                  gsi1sk: id,
                  itemType: 'template',
                  ...template,
                },
                ...(version === 1
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : {
                      ConditionExpression: 'version = :previous',
                      ExpressionAttributeValues: { ':previous': version - 1 },
                    }),
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new ConcurrentModificationError(
          `template ${id} version ${version} does not follow the latest version`,
        );
      }
      throw error;
    }
  }
}

function templateOf(item: Record<string, unknown>): LetterTemplateVersion {
  const { id, version, texts, updatedBy, updatedAt } = item as unknown as LetterTemplateVersion;
  return { id, version, texts, updatedBy, updatedAt };
}
