// Loads vitest's types so that the ProvidedContext augmentation below has a module to extend.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local for this integration run; each test file creates its own table in it. */
    dynamodbEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole integration run: starting the JVM takes a second or
 * two, so test files share it and isolate themselves by table name instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal({});
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  return () => dynamodb.stop();
}
