import { BUSINESS_TIME_ZONE } from '../calendar/time-zone';
import type { LegalPolicy } from '../legal/legal-policy';
import {
  DEFAULT_DISPUTE_SLA_DAYS,
  DEFAULT_MAX_BROKEN_PROMISES,
  DEFAULT_MAX_PROMISE_DAYS,
  DEFAULT_PROMISE_GRACE_DAYS,
  type DunningPolicy,
  type DunningStep,
} from './dunning-policy';
import { type Channel, type DunningSlot, SLOT_KIND, type Tone } from './dunning-slot';
import { SEGMENT } from './segment';
import type { TemplateId } from './step-templates';

/** One line per step keeps each cycle readable as a table; the kind follows from the slot. */
function step(
  slot: DunningSlot,
  dayOffset: number,
  channel: Channel,
  tone: Tone,
  template: TemplateId,
): DunningStep {
  return { slot, kind: SLOT_KIND[slot], dayOffset, channel, tone, template };
}

const TIME_ZONE = BUSINESS_TIME_ZONE;

/** Promises to pay: at most a month ahead, two days' grace, a manager after two broken ones. */
const PROMISES = {
  maxPromiseDays: DEFAULT_MAX_PROMISE_DAYS,
  maxBrokenPromises: DEFAULT_MAX_BROKEN_PROMISES,
  promiseGraceDays: DEFAULT_PROMISE_GRACE_DAYS,
  // Disputes: a manager sees to one still open after ten days.
  disputeSlaDays: DEFAULT_DISPUTE_SLA_DAYS,
};
const SEND_AT = '09:00';

/**
 * Between businesses interest runs from the day after the due date without a reminder, and the
 * fixed EUR 40 per invoice is due without one too (art. 6:119a and 6:96 lid 4 BW).
 */
const BUSINESS_LEGAL: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'fixed-compensation',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
  emailDeliveryMarginDays: 1,
  // Interest and the EUR 40 are due without a reminder: the final notice asks for all of it.
  letterRequest: 'total-claim',
};

/**
 * Consumer interest runs only after default, and WIK costs only after the 14-day letter; the
 * two postal delivery days also cover a letter sent by email, which arrives sooner.
 */
const CONSUMER_LEGAL: LegalPolicy = {
  chargeInterest: true,
  chargeCosts: true,
  businessCosts: 'wik-scale',
  creditorCanDeductVat: true,
  vatRatePercent: 21,
  postalDeliveryDays: 2,
  emailDeliveryMarginDays: 1,
  // The 14-day letter asks the principal without costs; paid by its date, interest is waived too.
  letterRequest: 'principal-settlement',
};

/** An agency costs more than it brings in on small claims. */
const BUSINESS_AGENCY_MINIMUM = { amount: 100_00, currency: 'EUR' };
const CONSUMER_AGENCY_MINIMUM = { amount: 50_00, currency: 'EUR' };

const businessStandard: DunningPolicy = {
  id: SEGMENT.businessStandard,
  version: 1,
  name: 'Business: standard',
  description:
    'Businesses without a pattern of late payment: a friendly nudge first, escalating over two months.',
  debtorKind: 'business',
  timeZone: TIME_ZONE,
  sendAt: SEND_AT,
  steps: [
    step('firstReminder', 3, 'email', 'friendly', 'payment-reminder'),
    step('secondReminder', 14, 'email', 'firm', 'payment-reminder'),
    step('call', 21, 'phone', 'firm', 'call-task'),
    step('accountManager', 30, 'notification', 'formal', 'account-manager-alert'),
    step('finalNotice', 40, 'email', 'final', 'payment-reminder'),
    step('collectionAgency', 60, 'email', 'final', 'collection-agency-handover'),
  ],
  callWindowDays: 5,
  collectionAgencyMinimum: BUSINESS_AGENCY_MINIMUM,
  legal: BUSINESS_LEGAL,
  ...PROMISES,
};

const businessChronicLate: DunningPolicy = {
  id: SEGMENT.businessChronicLate,
  version: 1,
  name: 'Business: chronic late payer',
  description:
    'Businesses that pay late as a habit: a firm tone from the first day, a call within two weeks.',
  debtorKind: 'business',
  timeZone: TIME_ZONE,
  sendAt: SEND_AT,
  steps: [
    step('firstReminder', 1, 'email', 'firm', 'payment-reminder'),
    step('secondReminder', 7, 'email', 'formal', 'payment-reminder'),
    step('call', 10, 'phone', 'formal', 'call-task'),
    step('accountManager', 14, 'notification', 'formal', 'account-manager-alert'),
    step('finalNotice', 21, 'email', 'final', 'payment-reminder'),
    step('collectionAgency', 35, 'email', 'final', 'collection-agency-handover'),
  ],
  callWindowDays: 3,
  collectionAgencyMinimum: BUSINESS_AGENCY_MINIMUM,
  legal: BUSINESS_LEGAL,
  ...PROMISES,
};

/**
 * Good payers (ten invoices in a row paid on time, by default): a late invoice is an oversight, so
 * the first reminder waits a week and is friendly, and nothing reaches them before it.
 */
const businessGoodPayer: DunningPolicy = {
  id: SEGMENT.businessGoodPayer,
  version: 1,
  name: 'Business: good payer',
  description:
    'Businesses that pay on time as a rule: a friendly reminder after a week, the usual escalation after that.',
  debtorKind: 'business',
  timeZone: TIME_ZONE,
  sendAt: SEND_AT,
  steps: [
    step('firstReminder', 7, 'email', 'friendly', 'payment-reminder'),
    step('secondReminder', 21, 'email', 'firm', 'payment-reminder'),
    step('call', 28, 'phone', 'firm', 'call-task'),
    step('accountManager', 35, 'notification', 'formal', 'account-manager-alert'),
    step('finalNotice', 45, 'email', 'final', 'payment-reminder'),
    step('collectionAgency', 60, 'email', 'final', 'collection-agency-handover'),
  ],
  callWindowDays: 5,
  collectionAgencyMinimum: BUSINESS_AGENCY_MINIMUM,
  legal: BUSINESS_LEGAL,
  ...PROMISES,
};

/**
 * Key accounts get fewer automated letters and their account manager early. No call: the
 * account manager calls them. No automatic agency: handing a key account over is the account
 * manager's decision, so the slot is left out and its task answers "skipped".
 */
const businessKeyAccount: DunningPolicy = {
  id: SEGMENT.businessKeyAccount,
  version: 1,
  name: 'Business: key account',
  description:
    'Key accounts (set by hand): one friendly reminder, then their account manager; no automatic agency.',
  debtorKind: 'business',
  timeZone: TIME_ZONE,
  sendAt: SEND_AT,
  steps: [
    step('firstReminder', 7, 'email', 'friendly', 'payment-reminder'),
    step('accountManager', 14, 'notification', 'friendly', 'account-manager-alert'),
    step('finalNotice', 45, 'email', 'formal', 'payment-reminder'),
  ],
  callWindowDays: 5,
  legal: BUSINESS_LEGAL,
  ...PROMISES,
  // The account manager decides whether their customer may still order on credit.
  creditHoldAtAccountManager: false,
};

/**
 * Consumers: two reminders, then the 14-day letter, then the agency once its term has ended
 * (21 + 2 postal days + 15 = day 38). No call and no account manager: consumers have none, and
 * a call costs more than the usual consumer claim; a bounced email still becomes a task.
 */
const consumerStandard: DunningPolicy = {
  id: SEGMENT.consumerStandard,
  version: 1,
  name: 'Consumer: standard',
  description: 'Consumers: reminders without costs, the 14-day letter, then the collection agency.',
  debtorKind: 'consumer',
  timeZone: TIME_ZONE,
  sendAt: SEND_AT,
  steps: [
    step('firstReminder', 3, 'email', 'friendly', 'payment-reminder'),
    step('secondReminder', 14, 'email', 'firm', 'payment-reminder'),
    step('finalNotice', 21, 'email', 'final', 'fourteen-day-letter'),
    step('collectionAgency', 38, 'email', 'final', 'collection-agency-handover'),
  ],
  callWindowDays: 5,
  collectionAgencyMinimum: CONSUMER_AGENCY_MINIMUM,
  legal: CONSUMER_LEGAL,
  ...PROMISES,
};

/**
 * The policies a new installation starts with, one per segment. Managers change them through
 * PUT /policies/{id}, which stores a new version; these stay version 1.
 */
export const SEED_POLICIES: readonly DunningPolicy[] = [
  businessStandard,
  businessChronicLate,
  businessKeyAccount,
  consumerStandard,
  businessGoodPayer,
];
