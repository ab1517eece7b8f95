import type { PaymentProvider } from '../../ports/payment-provider';
import type { SelfServiceKeys } from '../../ports/self-service-keys';
import type { SelfServiceRecords } from '../../ports/self-service-records';
import type { DisputeDeps } from '../disputes/raise-dispute';
import type { PlanDeps } from '../plans/plan-deps';

/** Configuration of the page, read at cold start (functions/shared/self-service-config.ts). */
export interface SelfServiceSettings {
  /** Requests one link may make in a clock hour before it gets the 429 page. */
  rateLimitPerHour: number;
  /** The least part (cents) a debtor may pay online; without it, the whole of the chosen invoices. */
  minimumPayment?: number;
}

/** The payment provider, where one is configured: the page's "Pay now" starts its checkouts. */
export interface SelfServicePayments {
  provider: PaymentProvider;
  /** POST /webhooks/mollie of this API. */
  webhookUrl: string;
}

/** What the page works with: the ports of the promise, dispute and plan use cases, and its own. */
export interface SelfServiceDeps extends PlanDeps, DisputeDeps {
  keys: SelfServiceKeys;
  records: SelfServiceRecords;
  settings: SelfServiceSettings;
  payments?: SelfServicePayments;
}

/** Who the timeline names for everything done on the page. */
export const DEBTOR_ACTOR = 'debtor';
/** How the summaries on the timeline name who did it. */
export const DEBTOR_BY = 'the debtor on the self-service page';
