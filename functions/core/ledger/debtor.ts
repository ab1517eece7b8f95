import type { CreditHold } from '../credit/credit-hold';
import type { CreditReport } from '../credit/credit-report';
import type { Money } from '../money';

export type DebtorKind = 'business' | 'consumer';

export interface AccountManager {
  name: string;
  email: string;
  /** ISO 639-1 language of their alerts; the business language when not given. */
  language?: string;
}

/** How a letter addresses the contact person: "heer" or "mevrouw" in Dutch, "Mr" or "Ms" in English. */
export const CONTACT_SALUTATIONS = ['mr', 'ms'] as const;

/** The person at the debtor whom letters address by name. */
export interface ContactPerson {
  name: string;
  salutation: (typeof CONTACT_SALUTATIONS)[number];
}

export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface Debtor {
  id: string;
  name: string;
  kind: DebtorKind;
  /** May be missing: a step that needs it becomes a task for a controller. */
  email?: string;
  /** ISO 639-1 language of the letters; templates fall back to English. */
  language: string;
  phone?: string;
  /** The number texts go to, in E.164 (+31612345678); an `sms` step without one becomes a task. */
  mobile?: string;
  /** Set by the invoicing system: the debtor wants no texts. */
  smsOptOut?: boolean;
  /** IANA time zone the debtor lives in: no text reaches them at night there. Europe/Amsterdam when absent. */
  timeZone?: string;
  /** Chamber of Commerce (KvK) number, when the invoicing system sends it: the insolvency register
   * is asked by it, and the collection agency's claim file carries it. */
  kvkNumber?: string;
  /** Letters address this person; without one, the company (or the consumer) as a whole. */
  contact?: ContactPerson;
  address?: Address;
  accountManager?: AccountManager;
  creditLimit?: Money;
  /** A segment set by hand overrides the one derived from payment behaviour. */
  segmentOverride?: string;
  /** The segment the payment behaviour gave at the last fact, why, and since when (absent before the first). */
  behaviourSegment?: { id: string; reason: string; since: string };
  /** Set by the account-manager escalation or a manager: no new orders on credit. */
  creditHold: boolean;
  /** Since when, why and for which invoices, while `creditHold` is set (absent on holds set before it was kept). */
  creditHoldDetail?: CreditHold;
  /** The latest credit report on file; earlier ones are on the debtor's timeline. */
  creditReport?: CreditReport;
  /** Overpayments kept on the account, in cents per currency. */
  credits: Record<string, number>;
}

/** What the debtor's payment history says, derived from settled invoices. */
export interface PaymentBehaviour {
  /** Invoices settled by payment (not cancelled or credited). */
  invoicesPaid: number;
  /** Of those, paid after the due date. */
  invoicesPaidLate: number;
  /** Average days after the due date over the paid invoices (0 when paid early or on time). */
  averageDaysLate: number;
  /** Times the dunning reached the call step or beyond. */
  escalations: number;
}
