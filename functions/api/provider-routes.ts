import type { RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const providerSchemas = () => import('./schemas/provider-schemas');

const FETCHED_FROM_MOLLIE =
  'Mollie signs nothing and sends only a payment id; the handler fetches that payment from Mollie with the API key and trusts nothing else the request says';

/** The payment provider's side of the route table: Mollie's webhook. */
export const PROVIDER_ROUTES = [
  {
    method: 'POST',
    path: '/webhooks/mollie',
    // Served by the invoicing webhook's function: both book payments through the intake.
    handler: 'receive-invoicing-webhook',
    auth: { kind: 'none', why: FETCHED_FROM_MOLLIE },
    summary:
      "Mollie's webhook (id=tr_…, form-encoded): the payment is fetched from Mollie and, when paid, booked on its invoices once by their structured references; an unpaid or unknown payment is answered 200 and changes nothing",
    request: lazyRequest(async () => ({
      body: (await providerSchemas()).mollieWebhookBody,
      bodyEncoding: 'form' as const,
    })),
  },
] as const satisfies readonly RouteSpec[];
