import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { DynamoDbLetterTemplates } from '../../adapters/dynamodb/dynamodb-letter-templates';
import type { LetterTemplateStore } from '../../ports/letter-templates';
import { readConfig } from '../config';
import { traced } from '../tracing';

const environment = z.object({ TABLE_NAME: z.string().min(1) });

/** The letter templates' versions in the function's table. */
export function letterTemplatesFromEnvironment(env: NodeJS.ProcessEnv = process.env): LetterTemplateStore {
  const { TABLE_NAME } = readConfig(environment, env);
  return new DynamoDbLetterTemplates(traced(new DynamoDBClient({})), TABLE_NAME);
}
