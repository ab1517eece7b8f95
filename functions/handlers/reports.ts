import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import { csvReply, wantsCsv } from '../shared/http/csv-reply';
import { routeHandler } from '../shared/http/http-handler';
import { portfolioCsv } from '../use-cases/reports/portfolio-csv';
import { portfolioHistory, portfolioOnDay } from '../use-cases/reports/portfolio-on-day';

const deps = { store: creditStoreFromEnvironment(), clock };

/** The reports, one function for their routes (see capability-handler.ts): JSON, or CSV when asked. */
export const handler = capabilityHandler([
  [
    routeAt('GET', '/reports/portfolio'),
    routeHandler(routeAt('GET', '/reports/portfolio'), async ({ query, event }) => {
      const report = await portfolioOnDay(deps, query);
      if (!wantsCsv(event, query.format)) return report;
      return csvReply(portfolioCsv([report]), `portfolio-${report.asOf}.csv`);
    }),
  ],
  [
    routeAt('GET', '/reports/portfolio/history'),
    routeHandler(routeAt('GET', '/reports/portfolio/history'), async ({ query, event }) => {
      const history = await portfolioHistory(deps, query);
      if (!wantsCsv(event, query.format)) return history;
      return csvReply(portfolioCsv(history.days), `portfolio-${history.from}-${history.to}.csv`);
    }),
  ],
]);
