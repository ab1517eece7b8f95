import type { Role, RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const reportSchemas = () => import('./schemas/report-schemas');

/** Who reads the portfolio: finance managers, admins, and the controllers who work it. */
const portfolioReaders: readonly Role[] = ['manager', 'admin', 'controller'];

/** Who reads how the collection work goes, and what cash to plan for: finance managers and admins. */
const managers: readonly Role[] = ['manager', 'admin'];

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
    request: lazyRequest(async () => ({ query: (await reportSchemas()).portfolioQuery })),
  },
  {
    method: 'GET',
    path: '/reports/portfolio/history',
    handler: 'reports',
    auth: { kind: 'jwt', roles: portfolioReaders },
    summary: 'The figures of GET /reports/portfolio for each day of a span of at most 366 days (JSON or CSV)',
    request: lazyRequest(async () => ({ query: (await reportSchemas()).portfolioHistoryQuery })),
  },
  {
    method: 'GET',
    path: '/reports/dunning',
    handler: 'reports',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Per segment and dunning step: invoices that reached it in the period, the share paid within 14 days after it (cure rate), and how many ended at it (JSON or CSV)',
    request: lazyRequest(async () => ({ query: (await reportSchemas()).factPeriodQuery })),
  },
  {
    method: 'GET',
    path: '/reports/promises',
    handler: 'reports',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Promises to pay taken, kept, broken and cancelled in the period per currency, and the kept rate (JSON or CSV)',
    request: lazyRequest(async () => ({ query: (await reportSchemas()).factPeriodQuery })),
  },
  {
    method: 'GET',
    path: '/reports/disputes',
    handler: 'reports',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Disputes per cause: raised in the period and their amount, resolved and the median days to resolve, open now (JSON or CSV)',
    request: lazyRequest(async () => ({ query: (await reportSchemas()).factPeriodQuery })),
  },
  {
    method: 'GET',
    path: '/reports/forecast',
    handler: 'reports',
    auth: { kind: 'jwt', roles: managers },
    summary:
      "Expected receipts per week from open promises, plan instalments and open invoices weighted by each debtor's history, next to what came in the weeks before (JSON or CSV)",
    request: lazyRequest(async () => ({ query: (await reportSchemas()).forecastQuery })),
  },
] as const satisfies readonly RouteSpec[];
