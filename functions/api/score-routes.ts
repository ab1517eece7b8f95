import type { Role, RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const scoreSchemas = () => import('./schemas/score-schemas');

const managers: readonly Role[] = ['manager', 'admin'];

/**
 * The routes of the payment-behaviour score, part of the one route table. They add no Lambda: the
 * ranking is served by the debtor listing's function, the score rules by the worklist rules'
 * functions (see capability-handler.ts), which keeps the stack within its 500 resources.
 */
export const SCORE_ROUTES = [
  {
    method: 'GET',
    path: '/reports/debtors',
    handler: 'list-debtors',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'The top debtors by overdue amount in one currency (sort=overdue, the default) or by worst payment score (sort=score), as JSON or, with format=csv or Accept: text/csv, as CSV',
    request: lazyRequest(async () => ({ query: (await scoreSchemas()).debtorRankingQuery })),
  },
  {
    method: 'GET',
    path: '/settings/score-rules',
    handler: 'get-worklist-rules',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'The rules of the payment-behaviour score: its weights, when a debtor is a good payer or moves back from chronic late, and the reward suggested for a good payer; latest version',
  },
  {
    method: 'PUT',
    path: '/settings/score-rules',
    handler: 'put-worklist-rules',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Stores a new version of the score rules over the version edited (expectedVersion; a newer one is a 409); scores are weighed with it from their next fact',
    request: lazyRequest(async () => ({ body: (await scoreSchemas()).scoreRulesBody })),
  },
] as const satisfies readonly RouteSpec[];
