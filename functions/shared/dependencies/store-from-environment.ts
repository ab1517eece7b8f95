import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { clock } from '../../adapters/clock/system-clock';
import { DynamoDbCreditStore } from '../../adapters/dynamodb/dynamodb-credit-store';
import type { CreditStore } from '../../ports/credit-store';
import { withOverdueMovements } from '../../use-cases/reports/overdue-movements';
import { withPortfolioLedger } from '../../use-cases/reports/portfolio-ledger';
import { withReportCounters } from '../../use-cases/reports/report-counters';
import { readConfig } from '../config';
import { traced } from '../tracing';
import { namingActors } from './actor-naming-store';

export { clock } from '../../adapters/clock/system-clock';

const environment = z.object({ TABLE_NAME: z.string().min(1) });

/**
 * The composition root of the handlers lives in this folder, one file per adapter, so that a
 * handler imports (and a cold start loads) only the AWS SDK clients it uses. A handler calls
 * these at module scope: the variables are checked and the traced client is made once, at cold
 * start. Endpoints come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, which is how the
 * local cloud points the same code at its emulators.
 */
export function creditStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): CreditStore {
  const { TABLE_NAME } = readConfig(environment, env);
  // Every invoice change keeps the portfolio ledger in its own transaction, and every invoice,
  // promise, dispute, plan and payment the counters of the other reports (the reports read them);
  // each move of a debtor's overdue amount its movement of the week (the weekly summary reads
  // them); timeline entries of a person's request carry their name.
  const table = new DynamoDbCreditStore(traced(new DynamoDBClient({})), TABLE_NAME);
  return namingActors(withOverdueMovements(withPortfolioLedger(withReportCounters(table), clock), clock));
}
