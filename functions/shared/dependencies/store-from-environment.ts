import { clock } from '../../adapters/clock/system-clock';
import type { CreditStore } from '../../ports/credit-store';
import { withOverdueMovements } from '../../use-cases/reports/overdue-movements';
import { withPortfolioLedger } from '../../use-cases/reports/portfolio-ledger';
import { withReportCounters } from '../../use-cases/reports/report-counters';
import { namingActors } from './actor-naming-store';
import { tableStoreFromEnvironment } from './reading-store-from-environment';

export { clock } from '../../adapters/clock/system-clock';

/**
 * The composition root of the handlers lives in this folder, one file per adapter, so that a
 * handler imports (and a cold start loads) only the AWS SDK clients it uses. A handler calls
 * these at module scope: the variables are checked and the traced client is made once, at cold
 * start. Endpoints come from the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, which is how the
 * local cloud points the same code at its emulators. This is the store of a function that writes;
 * one that only reads takes `readingStoreFromEnvironment()` (reading-store-from-environment.ts).
 */
export function creditStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): CreditStore {
  // Every invoice change keeps the portfolio ledger in its own transaction, and every invoice,
  // promise, dispute, plan and payment the counters of the other reports (the reports read them);
  // each move of a debtor's overdue amount its movement of the week (the weekly summary reads
  // them); timeline entries of a person's request carry their name.
  const table = tableStoreFromEnvironment(env);
  return namingActors(withOverdueMovements(withPortfolioLedger(withReportCounters(table), clock), clock));
}
