import { clock, readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { routeHandler } from '../shared/http/http-handler';
import { Reply } from '../shared/http/reply';
import { findDebtors } from '../use-cases/accounts/find-debtors';
import { debtorRankingCsv, rankDebtors } from '../use-cases/score/debtor-ranking';

const store = readingStoreFromEnvironment();

/** The debtor directory, and the ranking of the debtors by overdue amount or score. */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/debtors'),
    routeHandler(routeAt('GET', '/debtors'), async ({ query }) => findDebtors(store, query)),
  ],
  [
    routeAt('GET', '/reports/debtors'),
    routeHandler(routeAt('GET', '/reports/debtors'), async ({ query, event }) => {
      const { format, ...request } = query;
      const ranking = await rankDebtors({ store, clock }, request);
      const accept = Object.entries(event.headers ?? {}).find(
        ([name]) => name.toLowerCase() === 'accept',
      )?.[1];
      if (format !== 'csv' && !(format === undefined && accept?.includes('text/csv'))) return ranking;
      return new Reply(200, debtorRankingCsv(ranking), { 'content-type': 'text/csv; charset=utf-8' });
    }),
  ],
]);
