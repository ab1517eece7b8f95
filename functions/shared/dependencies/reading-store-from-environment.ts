import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbCreditStore } from '../../adapters/dynamodb/dynamodb-credit-store';
import type { CreditReader } from '../../ports/credit-store';
import { traced } from '../tracing';

export { clock } from '../../adapters/clock/system-clock';

/**
 * The table's name, checked at cold start as `readConfig` checks a variable (../config.ts), with
 * its message, but without zod: one name needs no schema, and zod is 98 KB that a function whose
 * routes parse no request (GET /rates, GET /settings/sending) would load for this check alone.
 */
function tableName(env: NodeJS.ProcessEnv): string {
  const name = env.TABLE_NAME;
  if (name === undefined) throw new Error('Invalid configuration: TABLE_NAME is not set');
  if (name === '') throw new Error('Invalid configuration: TABLE_NAME is invalid: it is empty');
  return name;
}

/** The table's store, as it is: what both the reading and the writing store are made of. */
export function tableStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): DynamoDbCreditStore {
  return new DynamoDbCreditStore(traced(new DynamoDBClient({})), tableName(env));
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
