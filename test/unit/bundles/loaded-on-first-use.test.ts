import { describe, expect, it } from 'vitest';
import { bundleOf, modulesLoadedAtStart } from '../../support/cold-start-bundle';

/**
 * What a function's common invocation never runs stays out of its cold start: each case builds the
 * function's bundle with the stack's own options and checks that the deferred modules are in the
 * bundle (so the path still works) but in chunks a cold start does not load, and that what every
 * invocation needs is loaded at the start.
 */
interface Case {
  /** The rule, as a test's name. */
  rule: string;
  /** The catalogue name of the function. */
  fn: string;
  /** Source modules, or patterns of them, loaded only on first use. */
  deferred: readonly (string | RegExp)[];
  /** Source modules every invocation needs, loaded at the start. */
  atStart: readonly string[];
}

const LETTER_TEXTS = [
  'functions/use-cases/templates/template-catalogue.ts',
  'functions/templates/letter-texts/built-in.ts',
  'functions/templates/letter-texts/built-in-nl.ts',
];

const CASES: readonly Case[] = [
  {
    rule: 'a function that draws a QR code only on some paths does not load the QR encoder at cold start',
    // assign-payment can lower a payment plan, whose email carries a QR code: a rare path.
    fn: 'assign-payment',
    deferred: [/node_modules\/qrcode\//, /node_modules\/pngjs\//],
    atStart: ['functions/core/payments/epc-qr.ts'],
  },
  {
    rule: "the agency's report and its events other than a collection do not load the intake at cold start",
    fn: 'collection-agency',
    deferred: [
      'functions/use-cases/intake/apply-event.ts',
      'functions/use-cases/intake/apply-parked.ts',
      'functions/use-cases/intake/payment-received.ts',
    ],
    atStart: [
      'functions/use-cases/collection-agency/receive-agency-event.ts',
      'functions/shared/http/webhook-signature.ts',
    ],
  },
  {
    rule: "the letters a controller acts on by hand load each route's use case on its first request",
    // One function serves the interruption letter and a registered letter's delivery: a delivery
    // needs neither the letter's renderer nor its wording, the letter none of the delivery.
    fn: 'send-interruption-letter',
    deferred: [
      'functions/use-cases/claims/interruption-letter.ts',
      'functions/use-cases/post/letter-delivery.ts',
      'functions/templates/render-letter.ts',
      'functions/templates/letter-texts/built-in-nl.ts',
    ],
    atStart: [],
  },
  {
    rule: "a dispute's resolution loads SES's and Step Functions' clients with the first that resumes the dunning",
    // A dispute credited waits for its credit note: it resumes nothing and emails no one. Only a
    // rejected or withdrawn one restarts the dunning and answers the debtor.
    fn: 'resolve-dispute',
    deferred: [/node_modules\/@aws-sdk\/client-sesv2\//, /node_modules\/@aws-sdk\/client-sfn\//],
    atStart: ['functions/use-cases/disputes/resolve-dispute.ts'],
  },
  ...['list-policies', 'get-policy'].map((fn) => ({
    rule: `a read of the policies does not load the letter templates' texts at cold start (${fn})`,
    fn,
    deferred: LETTER_TEXTS,
    atStart: ['functions/use-cases/policies/policy-catalogue.ts'],
  })),
  {
    rule: "a policy's change does not load the letter templates' texts or the letters they compose at cold start",
    fn: 'put-policy',
    deferred: [
      'functions/use-cases/templates/update-template.ts',
      'functions/use-cases/templates/preview-template.ts',
      'functions/templates/letter-texts/built-in.ts',
      'functions/use-cases/letters/compose-letter.ts',
      'functions/core/legal/claim-explanation.ts',
    ],
    atStart: ['functions/use-cases/policies/update-policy.ts'],
  },
  {
    rule: "a dashboard's report does not load the special team's reports or the weekly summary at cold start",
    fn: 'reports',
    deferred: [
      'functions/use-cases/special/insolvency-claim.ts',
      'functions/templates/insolvency-claim-page.ts',
      'functions/core/legal/claim-explanation.ts',
      'functions/use-cases/reports/vat-relief-report.ts',
      'functions/use-cases/special/provision-report.ts',
      'functions/use-cases/special/write-off-proposals.ts',
      'functions/use-cases/reports/weekly-summary.ts',
      'functions/templates/colleagues/weekly-summary.ts',
    ],
    atStart: [
      'functions/use-cases/reports/portfolio-on-day.ts',
      'functions/use-cases/reports/fact-reports.ts',
    ],
  },
  {
    rule: "a debtor's page view does not load the form handling or the statement at cold start",
    fn: 'self-service',
    deferred: [
      'functions/use-cases/self-service/submit-form.ts',
      'functions/use-cases/self-service/page-actions.ts',
      'functions/use-cases/self-service/pay-now.ts',
      'functions/use-cases/plans/create-plan.ts',
      'functions/use-cases/disputes/raise-dispute.ts',
      'functions/templates/plans/payment-plan-email.ts',
      'functions/use-cases/self-service/statement.ts',
      'functions/templates/self-service/statement-page.ts',
    ],
    atStart: [
      'functions/use-cases/self-service/page-view.ts',
      'functions/templates/self-service/self-service-page.ts',
    ],
  },
  {
    rule: "the special team's everyday changes do not load an insolvency's payouts and closing at cold start",
    // A payout is booked through the intake of payments: the whole intake comes with it.
    fn: 'special-management',
    deferred: [
      'functions/use-cases/special/insolvency-closing.ts',
      'functions/use-cases/intake/receive-delivery.ts',
      'functions/use-cases/intake/payment-received.ts',
    ],
    atStart: [
      'functions/use-cases/special/special-management.ts',
      'functions/use-cases/special/write-off.ts',
    ],
  },
  {
    rule: "the sweep does not load a run's once-only work at the cold start of a range",
    // A run is one plan, many ranges and one finish: the money review, the overdue disputes, the
    // portfolio's snapshot, the day's metrics, the pre-due notices and the plans' restore belong to
    // its first and last steps. (The debtors' links stay eager: their variables are checked at
    // cold start, as every function's are.)
    fn: 'sweep-due-invoices',
    deferred: [
      'functions/use-cases/sweep/once-a-run.ts',
      'functions/use-cases/payments/daily-money-review.ts',
      'functions/use-cases/disputes/overdue-disputes.ts',
      'functions/use-cases/reports/portfolio-snapshots.ts',
      'functions/use-cases/reports/daily-metrics.ts',
      'functions/use-cases/pre-due/pre-due-notices.ts',
      'functions/use-cases/plans/restore-plan-executions.ts',
    ],
    atStart: ['functions/use-cases/sweep/sweep-ranges.ts'],
  },
];

const matching = (inputs: readonly string[], module: string | RegExp) =>
  inputs.filter((input) => (typeof module === 'string' ? input === module : module.test(input)));

describe('a function’s cold start', () => {
  // Building a bundle takes a few seconds, more on a busy machine.
  it.each(CASES.map((each) => [each.rule, each] as const))('%s', { timeout: 30_000 }, async (_rule, each) => {
    const { fn, deferred, atStart } = each;
    const metafile = await bundleOf(fn);
    const inputs = Object.keys(metafile.inputs);
    const loaded = modulesLoadedAtStart(metafile);

    for (const module of deferred) {
      expect(matching(inputs, module), `${String(module)} in the bundle of ${fn}`).not.toEqual([]);
      expect(matching(loaded, module), `${String(module)} at the cold start of ${fn}`).toEqual([]);
    }
    for (const module of atStart) expect(loaded).toContain(module);
  });
});
