import type { LocalRoute } from '../api/local-routes';
import { type DashboardSources, dashboardReader } from './dashboard-figures';
import { renderDashboard } from './dashboard-page';

/**
 * The local dashboard: GET /_local/dashboard (a page that reloads itself every 5 s) and
 * GET /_local/dashboard.json (the same figures as JSON), read live on every request: the
 * reports from DynamoDB through the use cases the API answers with, the operations from Step
 * Functions, SES and SNS.
 */
export function dashboardRoutes(sources: DashboardSources): LocalRoute[] {
  const read = dashboardReader(sources);
  return [
    {
      method: 'GET',
      path: '/_local/dashboard.json',
      handle: async () => ({ status: 200, body: await read() }),
    },
    {
      method: 'GET',
      path: '/_local/dashboard',
      handle: async () => ({
        status: 200,
        body: renderDashboard(await read()),
        contentType: 'text/html; charset=utf-8',
      }),
    },
  ];
}
