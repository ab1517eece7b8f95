import { portfolioHistoryQuery, portfolioQuery } from './schemas/report-schemas';
import type { Role, RouteSpec } from './routes';

/** Who reads the portfolio: finance managers, admins, and the controllers who work it. */
const portfolioReaders: readonly Role[] = ['manager', 'admin', 'controller'];

/**
 * The reports of the portfolio, part of the one route table. They share one Lambda (`reports`)
 * with the special team's statements, each route with its own roles and schemas: see
 * capability-handler.ts.
 */
export const REPORT_ROUTES = [
  {
    method: 'GET',
    path: '/reports/portfolio',
    handler: 'reports',
    auth: { kind: 'jwt', roles: portfolioReaders },
    summary:
      'The portfolio at the end of a day, per currency: open and overdue, aging buckets, DSO (standard and countback), CEI and average days delinquent of the month, what nobody chases and why, write-offs of the month, with their definitions (JSON or CSV)',
    request: { query: portfolioQuery },
  },
  {
    method: 'GET',
    path: '/reports/portfolio/history',
    handler: 'reports',
    auth: { kind: 'jwt', roles: portfolioReaders },
    summary: 'The figures of GET /reports/portfolio for each day of a span of at most 366 days (JSON or CSV)',
    request: { query: portfolioHistoryQuery },
  },
] as const satisfies readonly RouteSpec[];
