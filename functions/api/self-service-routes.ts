import type { RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const selfServiceSchemas = () => import('./schemas/self-service-schemas');

/**
 * The debtor's self-service page, part of the one route table. No login: the signed, expiring
 * token in the path is the credential. The routes answer HTML (and CSV), not JSON, and share one
 * Lambda (see capability-handler.ts).
 */
export const SELF_SERVICE_ROUTES = [
  {
    method: 'GET',
    path: '/self-service/{token}',
    handler: 'self-service',
    auth: { kind: 'signed-link' },
    summary:
      "The debtor's page (HTML, in their language): open invoices with amounts, days overdue, the QR code and reference, and forms to pay now, promise a date, dispute, ask for a plan or a call back; ?result= shows what a form did",
    request: lazyRequest(async () => ({
      path: (await selfServiceSchemas()).selfServicePath,
      query: (await selfServiceSchemas()).selfServicePageQuery,
    })),
  },
  {
    method: 'POST',
    path: '/self-service/{token}',
    handler: 'self-service',
    auth: { kind: 'signed-link' },
    summary:
      "A form of the debtor's page (application/x-www-form-urlencoded, with the form's nonce and CSRF token): recorded once, as done by the debtor; answers 303 to the page with the result, or for action=pay to the payment provider's checkout",
    request: lazyRequest(async () => ({
      path: (await selfServiceSchemas()).selfServicePath,
      body: (await selfServiceSchemas()).selfServiceForm,
    })),
  },
  {
    method: 'GET',
    path: '/self-service/{token}/statement',
    handler: 'self-service',
    auth: { kind: 'signed-link' },
    summary: "The debtor's statement of open items, as a printable page or CSV (?format=csv)",
    request: lazyRequest(async () => ({
      path: (await selfServiceSchemas()).selfServicePath,
      query: (await selfServiceSchemas()).statementQuery,
    })),
  },
] as const satisfies readonly RouteSpec[];
