import type { Role, RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const agencySchemas = () => import('./schemas/agency-schemas');
const idPathSchema = () => import('./schemas/id-path');

/**
 * The collection agency's side, part of the one route table: its signed webhook, taking a claim
 * back, and the report of claims at the agency. One Lambda serves the three (see
 * capability-handler.ts): a Lambda per route costs the stack about seven resources.
 */
export const AGENCY_ROUTES = [
  {
    method: 'POST',
    path: '/webhooks/collection-agency',
    handler: 'collection-agency',
    auth: { kind: 'webhook-signature' },
    summary:
      "The collection agency's progress on a claim (accepted, payment collected, judgement, bailiff, closed), signed per Standard Webhooks with the agency's own secret",
    request: lazyRequest(async () => ({ body: (await agencySchemas()).agencyWebhookEvent })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/recall',
    handler: 'collection-agency',
    auth: { kind: 'jwt', roles: ['special', 'manager'] satisfies Role[] },
    summary:
      'Takes a claim back from the collection agency: the agency is told, the invoice is overdue again and its debtor under special management',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await agencySchemas()).recallBody,
    })),
  },
  {
    method: 'GET',
    path: '/reports/agency',
    handler: 'collection-agency',
    auth: { kind: 'jwt', roles: ['manager', 'special', 'admin'] satisfies Role[] },
    summary: 'Claims at the collection agency: days there, collected, fees, results',
    request: lazyRequest(async () => ({ query: (await agencySchemas()).agencyReportQuery })),
  },
] as const satisfies readonly RouteSpec[];
