import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { DynamoDbCreditStore } from '../../adapters/dynamodb/dynamodb-credit-store';
import type { CreditReader } from '../../ports/credit-store';
import { readConfig } from '../config';
import { traced } from '../tracing';

export { clock } from '../../adapters/clock/system-clock';

const environment = z.object({ TABLE_NAME: z.string().min(1) });

/** The table's store, as it is: what both the reading and the writing store are made of. */
export function tableStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): DynamoDbCreditStore {
  const { TABLE_NAME } = readConfig(environment, env);
  return new DynamoDbCreditStore(traced(new DynamoDBClient({})), TABLE_NAME);
}

/**
 * The store of a function that only reads its table (catalogue `needs: { table: 'read' }`): the
 * table without the decorators that keep the reports' counters, the portfolio ledger, the
 * overdue movements and the actors' names at each commit (store-from-environment.ts). They act
 * on writes alone, so a reader would never run them; left out, the reports' code and its
 * packages stay out of the bundle and the cold start.
 */
export function readingStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): CreditReader {
  return tableStoreFromEnvironment(env);
}
