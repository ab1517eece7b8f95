import * as z from 'zod';
import { isTemplateId, TEMPLATE_IDS, templateFits } from './step-templates';
import { BUSINESS_TIME_ZONE, isTimeZone } from '../calendar/time-zone';
import type { DebtorKind } from '../ledger/debtor';
import type { LegalPolicy } from '../legal/legal-policy';
import { isCurrencyCode, MAX_AMOUNT_CENTS, type Money } from '../money';
import type { QuietHours } from '../sms/quiet-hours';
import {
  type Channel,
  CHANNELS,
  DUNNING_SLOTS,
  type DunningSlot,
  SLOT_KIND,
  STEP_KINDS,
  type StepKind,
  type Tone,
  TONES,
} from './dunning-slot';

/** A policy's legal settings are core/legal's; re-exported for the code that reads them from a policy. */
export type { LegalPolicy };

/** One step of a dunning cycle: what happens in one slot of the state machine, and when. */
export interface DunningStep {
  slot: DunningSlot;
  /** Always SLOT_KIND[slot]; stated so that a policy reads on its own. */
  kind: StepKind;
  /** Days after the due date; the step acts at the policy's sendAt on that day. */
  dayOffset: number;
  channel: Channel;
  tone: Tone;
  /** A template id from core/dunning/step-templates.ts that fits the step's kind. */
  template: string;
  /**
   * The days a letter gives to pay, counted from the day after it is received; the letter prints
   * the date. Default: 14 for a consumer (the term the claim then counts for default), 7 for a business.
   */
  payWithinDays?: number;
  /**
   * A letter by post goes as registered mail (aangetekend): the print-and-mail service reports its
   * delivery, which fixes the day of receipt. Only for the `letter` channel.
   */
  registered?: boolean;
}

/** The dunning cycle of one segment of debtors. Its id is the segment id. */
export interface DunningPolicy {
  id: string;
  version: number;
  /** Who stored this version (an admin's email or subject) and when; absent on a shipped seed. */
  updatedBy?: string;
  updatedAt?: string;
  name: string;
  description: string;
  debtorKind: DebtorKind;
  /** IANA time zone in which sendAt and the days are counted. */
  timeZone: string;
  /** Local time, HH:MM, at which the steps of a day act. */
  sendAt: string;
  steps: DunningStep[];
  /** How long the call task waits for the controller's outcome before the workflow moves on. */
  callWindowDays: number;
  /** No collection agency below this open amount: the step is skipped with that reason. */
  collectionAgencyMinimum?: Money;
  legal: LegalPolicy;
  /** How far ahead a promise to pay may be dated (days from today); default DEFAULT_MAX_PROMISE_DAYS. */
  maxPromiseDays?: number;
  /** Broken promises on an invoice after which only a manager may take a new one. */
  maxBrokenPromises?: number;
  /** Days after the promised date in which a payment still keeps the promise. */
  promiseGraceDays?: number;
  /** Days a dispute may stay open before a manager is asked to see to it; default DEFAULT_DISPUTE_SLA_DAYS. */
  disputeSlaDays?: number;
  /** Payment plans (core/plans/plan-rules.ts has the defaults): the longest term a controller may agree, in months. */
  maxPlanMonths?: number;
  /** The smallest instalment, in cents of the plan's currency. */
  minInstalmentAmount?: number;
  /** How many days ahead the first instalment may fall. */
  maxDaysToFirstInstalment?: number;
  /** Whether interest and costs already due are part of a plan (then paid before the principal). */
  planIncludesInterestAndCosts?: boolean;
  /** Whether a debtor's plan from the self-service page starts at once (else it is a task); false when absent. */
  selfServicePlans?: boolean;
  /** Days before an instalment's date on which the debtor is reminded. */
  instalmentReminderDays?: number;
  /** Days after an instalment's date in which its payment still counts as on time. */
  instalmentGraceDays?: number;
  /** Credit holds (core/credit/credit-hold.ts has the defaults): whether the account-manager step sets one. */
  creditHoldAtAccountManager?: boolean;
  /** The workflow's hold is lifted once no invoice is overdue by more than this many days. */
  creditHoldThresholdDays?: number;
  /**
   * Whether a debtor who becomes a good payer gets a short thank-you email (read from the
   * good-payer segment's policy); false when absent.
   */
  thankGoodPayers?: boolean;
  /**
   * A friendly email a few days before the due date, sent by the daily sweep to the debtors of
   * this policy's segment; absent: none. See use-cases/pre-due/pre-due-notices.ts.
   */
  preDueNotice?: PreDueNoticeRule;
  /** When an `sms` step may not text the debtor (their time zone); DEFAULT_QUIET_HOURS when absent. */
  smsQuietHours?: QuietHours;
}

/** The pre-due notice of a segment: how many days before the due date it goes out. */
export interface PreDueNoticeRule {
  daysBefore: number;
}

/** Policy versions stored before promises existed read with these values. */
export const DEFAULT_MAX_PROMISE_DAYS = 30;
export const DEFAULT_MAX_BROKEN_PROMISES = 2;
export const DEFAULT_PROMISE_GRACE_DAYS = 2;
/** Policy versions stored before disputes existed read with this value. */
export const DEFAULT_DISPUTE_SLA_DAYS = 10;

/** What a policy says about promises to pay, with the defaults where it says nothing. */
export function promiseRulesOf(
  policy: DunningPolicy,
): Required<Pick<DunningPolicy, 'maxPromiseDays' | 'maxBrokenPromises' | 'promiseGraceDays'>> {
  return {
    maxPromiseDays: policy.maxPromiseDays ?? DEFAULT_MAX_PROMISE_DAYS,
    maxBrokenPromises: policy.maxBrokenPromises ?? DEFAULT_MAX_BROKEN_PROMISES,
    promiseGraceDays: policy.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS,
  };
}

/** How long a dispute may stay open before it is a manager's task, with the default where the policy says nothing. */
export function disputeSlaDaysOf(policy: DunningPolicy): number {
  return policy.disputeSlaDays ?? DEFAULT_DISPUTE_SLA_DAYS;
}

export const FOURTEEN_DAY_LETTER = 'fourteen-day-letter';

/**
 * A Standard execution lasts at most a year; the last step must fall well inside it, call
 * window included, counted from the due date when the daily sweep starts the execution.
 */
const MAX_DAY_OFFSET = 330;
const MAX_CALL_WINDOW_DAYS = 30;
const MAX_PAY_WITHIN_DAYS = 30;
/** A promise further ahead than a quarter is a payment plan, not a promise. */
const MAX_PROMISE_DAYS = 90;
/** A dispute left open longer than a quarter has been forgotten, not handled. */
const MAX_DISPUTE_SLA_DAYS = 90;

/** Which channels reach the addressee of each kind of step. */
const CHANNELS_FOR_KIND: Record<StepKind, readonly Channel[]> = {
  // A text carries the amount, the invoice number and a link, never a claim's costs or terms.
  reminder: ['email', 'letter', 'sms'],
  final_notice: ['email', 'letter'],
  collection_agency: ['email', 'letter'],
  call: ['phone'],
  account_manager: ['notification', 'email'],
};

/**
 * The earliest day offset at which a consumer's claim may go to a collection agency, given the
 * day of the 14-day letter. The letter sent on day F is received on day F + P at the soonest (P
 * postal delivery days); the term starts the day after receipt and lasts 14 days, so its last
 * day is F + P + 14 and the claim may be handed over from F + P + 15. Weekends, Mondays without
 * post and the Algemene termijnenwet can only make the term end later: planDunning adds those
 * days for the actual dates, so this rule only keeps a policy from being wrong on every date.
 */
function firstCollectionDayAfterFourteenDayLetter(letterDayOffset: number, postalDeliveryDays: number) {
  return letterDayOffset + postalDeliveryDays + 15;
}

/** A notice weeks ahead is a second invoice, not a word before the due date. */
const MAX_PRE_DUE_DAYS = 14;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Bounds of free text: a policy is one DynamoDB item, and its name shows on every screen. */
const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 2000;
const MAX_STEPS = 20;

type PolicyIssueAdder = (path: (string | number)[], message: string) => void;

function checkSteps(steps: readonly DunningStep[], issue: PolicyIssueAdder): void {
  const seenAt = new Map<DunningSlot, number>();
  let previous: DunningStep | undefined;
  steps.forEach((step, index) => {
    const kind = SLOT_KIND[step.slot];
    const firstIndex = seenAt.get(step.slot);
    if (firstIndex !== undefined) {
      issue(['steps', index, 'slot'], `slot ${step.slot} is already filled by steps[${firstIndex}]`);
    } else if (previous && DUNNING_SLOTS.indexOf(step.slot) < DUNNING_SLOTS.indexOf(previous.slot)) {
      issue(
        ['steps', index, 'slot'],
        `slot ${step.slot} cannot follow ${previous.slot}: steps run in the order ${DUNNING_SLOTS.join(', ')}`,
      );
    }
    if (previous && step.dayOffset < previous.dayOffset) {
      issue(
        ['steps', index, 'dayOffset'],
        `dayOffset ${step.dayOffset} is earlier than day ${previous.dayOffset} of the ${previous.slot} step before it`,
      );
    }
    if (step.kind !== kind) {
      issue(['steps', index, 'kind'], `slot ${step.slot} holds a ${kind} step, not ${step.kind}`);
    }
    if (step.registered && step.channel !== 'letter') {
      issue(['steps', index, 'registered'], `only a letter by post can be registered, not ${step.channel}`);
    }
    if (!CHANNELS_FOR_KIND[kind].includes(step.channel)) {
      issue(
        ['steps', index, 'channel'],
        `a ${kind} step goes by ${CHANNELS_FOR_KIND[kind].join(' or ')}, not ${step.channel}`,
      );
    }
    if (!isTemplateId(step.template)) {
      issue(
        ['steps', index, 'template'],
        `template ${step.template} does not exist; known: ${TEMPLATE_IDS.join(', ')}`,
      );
    } else if (!templateFits(step.template, kind)) {
      issue(['steps', index, 'template'], `template ${step.template} is not written for a ${kind} step`);
    }
    if (firstIndex === undefined) seenAt.set(step.slot, index);
    previous = step;
  });
}

/**
 * A consumer owes collection costs only after the 14-day letter (art. 6:96 lid 6 BW), and a
 * claim goes to an agency only once that letter's term has passed without payment.
 */
function checkConsumerRules(policy: DunningPolicy, issue: PolicyIssueAdder): void {
  const agencyIndex = policy.steps.findIndex((step) => step.slot === 'collectionAgency');
  const finalIndex = policy.steps.findIndex((step) => step.slot === 'finalNotice');
  const agency = policy.steps[agencyIndex];
  const finalNotice = policy.steps[finalIndex];
  if (agency && !finalNotice) {
    issue(
      ['steps', agencyIndex, 'slot'],
      `a consumer's claim goes to a collection agency only after a finalNotice step with the ${FOURTEEN_DAY_LETTER}`,
    );
  }
  if (agency && finalNotice && finalNotice.template !== FOURTEEN_DAY_LETTER) {
    issue(
      ['steps', finalIndex, 'template'],
      `a consumer's final notice before a collection agency must be the ${FOURTEEN_DAY_LETTER}, not ${finalNotice.template}`,
    );
  }
  if (agency && finalNotice) {
    const earliest = firstCollectionDayAfterFourteenDayLetter(
      finalNotice.dayOffset,
      policy.legal.postalDeliveryDays,
    );
    if (agency.dayOffset < earliest) {
      issue(
        ['steps', agencyIndex, 'dayOffset'],
        `dayOffset must be at least ${earliest}: the 14-day term of the final notice on day ${finalNotice.dayOffset} ` +
          `(+ ${policy.legal.postalDeliveryDays} postal delivery days) must have ended`,
      );
    }
  }
  if (policy.legal.chargeCosts && !policy.steps.some((step) => step.template === FOURTEEN_DAY_LETTER)) {
    issue(
      ['legal', 'chargeCosts'],
      `a consumer owes collection costs only after a ${FOURTEEN_DAY_LETTER}: add a step with it or set chargeCosts to false`,
    );
  }
}

let builtPolicySchema: ReturnType<typeof buildDunningPolicySchema> | undefined;

/**
 * The policy as PUT /policies/{id} accepts it; the OpenAPI document is generated from it. Built on
 * first use and kept: building it takes milliseconds of CPU that a cold start of every function
 * importing this module would pay, and most of them never check a policy.
 */
export function dunningPolicySchema() {
  builtPolicySchema ??= buildDunningPolicySchema();
  return builtPolicySchema;
}

function buildDunningPolicySchema() {
  const moneySchema = z.object({
    amount: z
      .number()
      .int()
      .nonnegative()
      .max(MAX_AMOUNT_CENTS, `amount must be at most ${MAX_AMOUNT_CENTS} cents`)
      .describe('Minor units (cents)'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR')
      .refine(isCurrencyCode, 'currency must be the ISO 4217 code of a currency in circulation'),
  });

  /** LegalPolicy of core/legal as the API accepts it; parseDunningPolicy's return type keeps the two in step. */
  const legalPolicySchema = z.object({
    chargeInterest: z.boolean().describe('Charge statutory interest (art. 6:119 / 6:119a BW)'),
    chargeCosts: z.boolean().describe('Charge collection costs (WIK scale or the fixed EUR 40)'),
    businessCosts: z.enum(['fixed-compensation', 'wik-scale']),
    creditorCanDeductVat: z.boolean().describe('When false, VAT is added to the WIK costs of a consumer'),
    vatRatePercent: z.number().min(0).max(100),
    postalDeliveryDays: z
      .number()
      .int()
      .min(0)
      .max(14)
      .describe('Days a letter may take to arrive; the 14-day term starts the day after'),
    emailDeliveryMarginDays: z
      .number()
      .int()
      .min(0)
      .max(14)
      .optional()
      .describe(
        'Days an email may take to arrive, as the 14-day letter assumes when it prints its last day to pay (1 when left out)',
      ),
    letterRequest: z
      .enum(['total-claim', 'principal-settlement'])
      .optional()
      .describe(
        'What a letter stating the claim asks: the total claim (payments go to costs, interest, then principal), or the principal offered as a settlement that waives interest and costs; businesses total-claim and consumers principal-settlement when left out',
      ),
  });

  const dunningStepSchema = z.object({
    slot: z.enum(DUNNING_SLOTS),
    kind: z.enum(STEP_KINDS),
    dayOffset: z
      .number()
      .int('dayOffset must be a whole number of days')
      .min(1, 'dayOffset must be at least 1: an invoice is overdue from the day after its due date')
      .max(MAX_DAY_OFFSET, `dayOffset must be at most ${MAX_DAY_OFFSET}: an execution lasts at most a year`)
      .describe('Days after the due date'),
    channel: z.enum(CHANNELS),
    tone: z.enum(TONES),
    template: z
      .string()
      .max(100, 'template must be at most 100 characters')
      .describe(`One of: ${TEMPLATE_IDS.join(', ')}`),
    payWithinDays: z
      .number()
      .int('payWithinDays must be a whole number of days')
      .min(1, 'payWithinDays must be at least 1')
      .max(MAX_PAY_WITHIN_DAYS, `payWithinDays must be at most ${MAX_PAY_WITHIN_DAYS}`)
      .optional()
      .describe(
        'Days a letter gives to pay after receipt; it prints the date (default 14 consumer, 7 business)',
      ),
    registered: z
      .boolean()
      .optional()
      .describe(
        'A letter by post goes as registered mail (aangetekend), whose confirmed delivery fixes the day of receipt; letter channel only',
      ),
  });

  return z
    .object({
      id: z
        .string()
        .max(64, 'id must be at most 64 characters')
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a lower-case slug such as business-standard')
        .describe('The segment id'),
      version: z.number().int().min(1),
      /** Who stored this version (an admin's email or subject) and when; absent on a shipped seed. */
      updatedBy: z.string().max(200).optional(),
      updatedAt: z.string().max(40).optional(),
      name: z
        .string()
        .min(1, 'name must not be empty')
        .max(MAX_NAME_LENGTH, `name must be at most ${MAX_NAME_LENGTH} characters`),
      description: z
        .string()
        .max(MAX_DESCRIPTION_LENGTH, `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`),
      debtorKind: z.enum(['business', 'consumer']),
      timeZone: z
        .string()
        .max(64, 'timeZone must be at most 64 characters')
        .refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Amsterdam')
        .default(BUSINESS_TIME_ZONE),
      sendAt: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'sendAt must be a local time HH:MM such as 09:00')
        .describe('Local time at which the steps of a day act'),
      steps: z
        .array(dunningStepSchema)
        .min(1, 'a policy needs at least one step')
        // Six slots take six steps; a few more are let through so that each extra is named as a duplicate.
        .max(MAX_STEPS, `a policy has at most ${DUNNING_SLOTS.length} steps, one per slot`),
      callWindowDays: z
        .number()
        .int()
        .min(1, 'callWindowDays must be at least 1: the controller needs a day to call')
        .max(MAX_CALL_WINDOW_DAYS, `callWindowDays must be at most ${MAX_CALL_WINDOW_DAYS}`),
      collectionAgencyMinimum: moneySchema.optional().describe('No collection agency below this open amount'),
      legal: legalPolicySchema,
      maxPromiseDays: z
        .number()
        .int('maxPromiseDays must be a whole number of days')
        .min(1, 'maxPromiseDays must be at least 1')
        .max(MAX_PROMISE_DAYS, `maxPromiseDays must be at most ${MAX_PROMISE_DAYS}`)
        .default(DEFAULT_MAX_PROMISE_DAYS)
        .describe('How many days ahead a promise to pay may be dated'),
      maxBrokenPromises: z
        .number()
        .int('maxBrokenPromises must be a whole number')
        .min(0, 'maxBrokenPromises must not be negative')
        .max(10, 'maxBrokenPromises must be at most 10')
        .default(DEFAULT_MAX_BROKEN_PROMISES)
        .describe('Broken promises on an invoice after which only a manager may take a new one'),
      promiseGraceDays: z
        .number()
        .int('promiseGraceDays must be a whole number of days')
        .min(0, 'promiseGraceDays must not be negative')
        .max(14, 'promiseGraceDays must be at most 14')
        .default(DEFAULT_PROMISE_GRACE_DAYS)
        .describe('Days after the promised date in which a payment still keeps the promise'),
      disputeSlaDays: z
        .number()
        .int('disputeSlaDays must be a whole number of days')
        .min(1, 'disputeSlaDays must be at least 1')
        .max(MAX_DISPUTE_SLA_DAYS, `disputeSlaDays must be at most ${MAX_DISPUTE_SLA_DAYS}`)
        .default(DEFAULT_DISPUTE_SLA_DAYS)
        .describe("Days a dispute may stay open before it goes on a manager's task list"),
      maxPlanMonths: z
        .number()
        .int('maxPlanMonths must be a whole number of months')
        .min(1, 'maxPlanMonths must be at least 1')
        .max(60, 'maxPlanMonths must be at most 60')
        .optional()
        .describe(
          'The longest payment plan a controller may agree (months); 12 for businesses and 18 for consumers when absent',
        ),
      minInstalmentAmount: z
        .number()
        .int('minInstalmentAmount must be whole cents')
        .min(1, 'minInstalmentAmount must be at least 1 cent')
        .max(MAX_AMOUNT_CENTS, `minInstalmentAmount must be at most ${MAX_AMOUNT_CENTS} cents`)
        .optional()
        .describe('The smallest instalment of a payment plan, in cents; 2500 when absent'),
      maxDaysToFirstInstalment: z
        .number()
        .int('maxDaysToFirstInstalment must be a whole number of days')
        .min(1, 'maxDaysToFirstInstalment must be at least 1')
        .max(90, 'maxDaysToFirstInstalment must be at most 90')
        .optional()
        .describe('How many days ahead the first instalment of a plan may fall; 30 when absent'),
      planIncludesInterestAndCosts: z
        .boolean()
        .optional()
        .describe(
          'Whether interest and costs due when a plan starts are part of it, paid before the principal (art. 6:44 BW); false when absent',
        ),
      selfServicePlans: z
        .boolean()
        .optional()
        .describe(
          "Whether a payment plan the debtor picks on the self-service page (within this policy's limits) starts at once; otherwise it becomes a task for the account's owner. False when absent",
        ),
      instalmentReminderDays: z
        .number()
        .int('instalmentReminderDays must be a whole number of days')
        .min(0, 'instalmentReminderDays must not be negative')
        .max(14, 'instalmentReminderDays must be at most 14')
        .optional()
        .describe('Days before an instalment on which the debtor is reminded; 3 when absent'),
      instalmentGraceDays: z
        .number()
        .int('instalmentGraceDays must be a whole number of days')
        .min(0, 'instalmentGraceDays must not be negative')
        .max(14, 'instalmentGraceDays must be at most 14')
        .optional()
        .describe('Days after an instalment in which its payment still counts as on time; 2 when absent'),
      creditHoldAtAccountManager: z
        .boolean()
        .optional()
        .describe('Whether the account-manager step puts the debtor on credit hold; true when absent'),
      creditHoldThresholdDays: z
        .number()
        .int('creditHoldThresholdDays must be a whole number of days')
        .min(0, 'creditHoldThresholdDays must not be negative')
        .max(MAX_DAY_OFFSET, `creditHoldThresholdDays must be at most ${MAX_DAY_OFFSET}`)
        .optional()
        .describe(
          "The account-manager step's credit hold is lifted once no invoice is overdue by more than this many days (and none it was set for is open); 14 when absent",
        ),
      thankGoodPayers: z
        .boolean()
        .optional()
        .describe(
          "Read from the good-payer segment's policy: whether a debtor who becomes a good payer gets a short thank-you email; false when absent",
        ),
      preDueNotice: z
        .object({
          daysBefore: z
            .number()
            .int('daysBefore must be a whole number of days')
            .min(1, 'daysBefore must be at least 1')
            .max(MAX_PRE_DUE_DAYS, `daysBefore must be at most ${MAX_PRE_DUE_DAYS}`),
        })
        .optional()
        .describe(
          "A friendly email this many days before the due date to this segment's debtors, once per invoice, never for an invoice paid or credited by then; none when absent",
        ),
      smsQuietHours: z
        .object({
          start: z.string().regex(LOCAL_TIME, 'start must be a local time HH:MM such as 21:00'),
          end: z.string().regex(LOCAL_TIME, 'end must be a local time HH:MM such as 08:00'),
        })
        .refine((hours) => hours.start !== hours.end, { message: 'start and end must differ', path: ['end'] })
        .optional()
        .describe(
          "The local hours in the debtor's time zone in which an sms step sends nothing and waits for their end; 21:00 until 08:00 when absent",
        ),
    })
    .superRefine((policy, ctx) => {
      const issue: PolicyIssueAdder = (path, message) => ctx.addIssue({ code: 'custom', path, message });
      checkSteps(policy.steps, issue);
      if (policy.debtorKind === 'consumer') checkConsumerRules(policy, issue);
    });
}

export interface PolicyIssue {
  /** Where the problem is, e.g. `steps[2].dayOffset`; empty for the policy as a whole. */
  path: string;
  message: string;
}

export type PolicyParseResult = { ok: true; policy: DunningPolicy } | { ok: false; issues: PolicyIssue[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function parseDunningPolicy(input: unknown): PolicyParseResult {
  const result = dunningPolicySchema().safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  };
}
