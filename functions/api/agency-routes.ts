import { agencyReportQuery, agencyWebhookEvent, recallBody } from './schemas/agency-schemas';
import { idPath } from './schemas/api-schemas';
import type { Role, RouteSpec } from './routes';

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
    request: { body: agencyWebhookEvent },
  },
  {
    method: 'POST',
    path: '/invoices/{id}/recall',
    handler: 'collection-agency',
    auth: { kind: 'jwt', roles: ['special', 'manager'] satisfies Role[] },
    summary:
      'Takes a claim back from the collection agency: the agency is told, the invoice is overdue again and its debtor under special management',
    request: { path: idPath, body: recallBody },
  },
  {
    method: 'GET',
    path: '/reports/agency',
    handler: 'collection-agency',
    auth: { kind: 'jwt', roles: ['manager', 'special', 'admin'] satisfies Role[] },
    summary: 'Claims at the collection agency: days there, collected, fees, results',
    request: { query: agencyReportQuery },
  },
] as const satisfies readonly RouteSpec[];
