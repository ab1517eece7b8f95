/**
 * Every Lambda function of the system and what it needs. The CDK app turns `needs` into IAM
 * grants and environment variables (least privilege: a function gets exactly what is listed);
 * the local cloud uses the same names to run the handlers in-process. API handlers are also
 * listed here; their routes and roles live in functions/api/routes.ts.
 *
 * Entry point of function `name`: functions/handlers/<name>.ts, exporting `handler`.
 */
/** Every SNS topic of the system; the CDK app and the local cloud create each one. */
export const TOPIC_NAMES = [
  'call-tasks',
  'account-managers',
  'collection-agency',
  'alerts',
  'email-events',
  /** New disputes, with their cause as the message attribute `cause` for the owners' subscription filters. */
  'disputes',
  /** Every change of a debtor's credit hold, for the order system; the attribute `status` is `on_hold` or `released`. */
  'credit-status',
  /** `debtor.good_payer`: a debtor became a good payer, with its figures and a suggested reward, for sales or the CRM. */
  'customer-rewards',
  /** Letters by post for the print-and-mail service: the PDF's key, the address, registered or not, the day to post by. */
  'print-queue',
] as const;

export type TopicName = (typeof TOPIC_NAMES)[number];

export interface FunctionNeeds {
  table?: 'read' | 'write';
  /**
   * Dunning state machine: start/describe/list executions, stop them, answer task tokens
   * (`callback`), or only answer a parked step's own token with success (`answer`).
   */
  dunning?: readonly ('start' | 'stop' | 'read' | 'callback' | 'answer')[];
  /** Payment-plan state machine: start executions, stop them, describe them. */
  paymentPlans?: readonly ('start' | 'stop' | 'read')[];
  /** Sends email through SES v2 with the configuration set. */
  sendEmail?: boolean;
  publish?: readonly TopicName[];
  /** Reads the webhook signing secret (Secrets Manager in AWS, WEBHOOK_SECRET locally). */
  webhookSecret?: boolean;
  /** Reads the collection agency's webhook signing secret (AGENCY_WEBHOOK_SECRET locally). */
  agencyWebhookSecret?: boolean;
  /**
   * Reads the key of the debtors' self-service links (Secrets Manager in AWS, SELF_SERVICE_KEY
   * locally) and knows the page's public address, SELF_SERVICE_BASE_URL.
   */
  selfServiceKey?: boolean;
  /** Calls the payment provider (Mollie): reads its API key (MOLLIE_API_KEY locally), knows the API's URL. */
  paymentProvider?: boolean;
  /**
   * Reads the debtors' replies from the reply-mail bucket (REPLY_MAIL_BUCKET), where SES's receipt
   * rule stores them, and knows the reply address (REPLY_TO_EMAIL) whose tagged forms name letters.
   */
  replyMail?: boolean;
  /** Texts debtors: SNS Publish to phone numbers, with the stage's sender id (SMS_SENDER_ID). */
  sendSms?: boolean;
  /** Writes the PDFs of letters by post to the printed-letters bucket (PRINTED_LETTERS_BUCKET). */
  printedLetters?: boolean;
  /** Sends letters by post: invokes the printer of the printed-letters stack (PRINT_LETTER_FUNCTION), and waits for it. */
  post?: boolean;
}

export interface FunctionSpec {
  name: string;
  description: string;
  needs: FunctionNeeds;
  /** Seconds; the default of the function construct applies when absent. */
  timeoutSeconds?: number;
  /**
   * MB: the balanced size of the sweep `npm run bench -- --only memory` measured (docs/benchmarks.md,
   * "Memory sizes from a sweep"); the function construct's default, 512, where the sweep had no
   * representative invocation of the function.
   */
  memoryMb?: number;
}

/**
 * Whether a function may load Powertools' tracer: those that call a service besides their table,
 * where a trace shows which call was slow. They load it only in a stage deployed with
 * `traceCalls` (lib/config.ts): the X-Ray SDK lengthens each of their cold starts by about 30 ms of
 * CPU. The others, and all of them by default, get their segment from Lambda's active tracing
 * (functions/shared/tracing.ts).
 */
export function tracesCalls(needs: FunctionNeeds): boolean {
  return Boolean(
    needs.dunning?.length ||
    needs.sendEmail ||
    needs.publish?.length ||
    needs.webhookSecret ||
    needs.agencyWebhookSecret ||
    needs.selfServiceKey ||
    needs.paymentProvider ||
    needs.replyMail ||
    needs.sendSms,
  );
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  // Intake and scheduling
  {
    name: 'receive-invoicing-webhook',
    memoryMb: 1024,
    description:
      "POST /webhooks/invoicing: signed events from the invoicing system; POST /webhooks/mollie: Mollie's payments",
    // Stops a payment plan's execution too, once a payment completed the plan; emails the debtor
    // the new schedule of a plan a credit note or credit on the account lowered.
    // Publishes too: a credit hold lifted once the last long-overdue invoice is paid.
    needs: {
      table: 'write',
      dunning: ['start', 'stop'],
      paymentPlans: ['stop'],
      sendEmail: true,
      webhookSecret: true,
      // And a debtor whose payment made it a good payer, on customer-rewards; the agency is told
      // of a payment that reached us for a claim it holds.
      publish: ['credit-status', 'customer-rewards', 'collection-agency'],
      // Mollie's webhook names a payment, which is fetched from Mollie with its API key.
      paymentProvider: true,
    },
  },
  {
    name: 'sweep-due-invoices',
    memoryMb: 1024,
    description: 'Daily: starts dunning for invoices that fell due and restores failed or lost executions',
    // Stops too: an invoice that falls due while its debtor is on hold is paused instead.
    // Restores payment-plan executions that failed or were lost, as it does dunning ones.
    // Emails the pre-due notices (with the debtor's self-service link) before its first page.
    needs: {
      table: 'write',
      dunning: ['start', 'stop', 'read'],
      paymentPlans: ['start', 'read'],
      sendEmail: true,
      selfServiceKey: true,
    },
    // Lambda's longest: a slice of the sweep begins no page in its last minute (daily-sweep.asl.json).
    timeoutSeconds: 900,
  },
  // Dunning steps (tasks of the state machine)
  {
    name: 'send-dunning-letter',
    memoryMb: 1024,
    description:
      'Reminders and the final notice by email or post, one letter per debtor, step, currency and day',
    // The key signs the link to the debtor's self-service page that every letter carries; the
    // payment provider gives a Mollie payment link for an invoice the invoicing system gave none.
    // A letter by post goes to the printer (PRINT_LETTER below), which stores it as a PDF and
    // puts it on the print queue.
    needs: {
      table: 'write',
      sendEmail: true,
      selfServiceKey: true,
      paymentProvider: true,
      sendSms: true,
      post: true,
      // Each letter's task parks until the next step, or answers its own token when it cannot.
      dunning: ['answer'],
    },
  },
  {
    name: 'create-call-task',
    memoryMb: 1024,
    description: 'Creates the call task for a controller and parks the workflow on its token',
    needs: { table: 'write', dunning: ['callback'], publish: ['call-tasks'] },
  },
  {
    name: 'notify-account-manager',
    memoryMb: 1024,
    description: 'Tells the account manager and puts the debtor on credit hold when the policy says so',
    // Its task parks until the final notice, or answers its own token when it cannot.
    needs: { table: 'write', publish: ['account-managers', 'credit-status'], dunning: ['answer'] },
  },
  {
    name: 'hand-over-to-collection-agency',
    memoryMb: 1024,
    description:
      'Publishes the dossier to the collection agency, tells the debtor, marks the invoice in collection',
    needs: { table: 'write', publish: ['collection-agency'], sendEmail: true },
  },
  // Payment plans (tasks of the payment-plan state machine)
  {
    name: 'send-instalment-reminder',
    memoryMb: 1024,
    description:
      'Reminds the debtor of an instalment of its payment plan, with the reference and the QR code',
    needs: { table: 'write', sendEmail: true },
  },
  {
    name: 'check-instalment',
    memoryMb: 1024,
    description: 'After an instalment date and grace: goes on to the next instalment, or breaks the plan',
    needs: { table: 'write' },
  },
  {
    name: 'break-payment-plan',
    description:
      'A broken plan: tells the debtor, tasks a controller, resumes the dunning at the final notice',
    needs: { table: 'write', dunning: ['start'], sendEmail: true },
  },
  {
    name: 'record-email-event',
    memoryMb: 1024,
    description:
      "SES delivery and bounce events, and debtors' replies from the reply-mail bucket: a bounce or a reply becomes a task",
    // A reply holds the debtor's dunning for a couple of working days, which stops executions.
    needs: { table: 'write', dunning: ['stop'], replyMail: true },
  },
  // API
  { name: 'get-me', memoryMb: 256, description: 'GET /me: the caller and their roles', needs: {} },
  { name: 'get-openapi', memoryMb: 768, description: 'GET /openapi.json: the API description', needs: {} },
  {
    name: 'get-invoice',
    memoryMb: 1024,
    description: 'GET /invoices/{id}: invoice, dunning state and timeline',
    needs: { table: 'read', dunning: ['read'] },
  },
  {
    name: 'get-debtor',
    memoryMb: 1024,
    description: 'GET /debtors/{id}: balance, open invoices, behaviour',
    needs: { table: 'read' },
  },
  {
    name: 'list-tasks',
    memoryMb: 1024,
    description: 'GET /tasks: open tasks, most urgent first',
    needs: { table: 'read' },
  },
  {
    name: 'record-task-outcome',
    description: 'POST /tasks/{id}/outcome: closes a task and resumes the workflow',
    // Publishes too: the outcome disputed raises a dispute; financial trouble tells the account manager.
    needs: { table: 'write', dunning: ['callback', 'stop'], publish: ['disputes', 'account-managers'] },
  },
  {
    name: 'take-invoice-promise',
    memoryMb: 1024,
    description: 'POST /invoices/{id}/promises: records a promise to pay and pauses the dunning',
    needs: { table: 'write', dunning: ['stop'] },
  },
  {
    name: 'list-invoice-promises',
    memoryMb: 1024,
    description: 'GET /invoices/{id}/promises: the promises made on an invoice',
    needs: { table: 'read' },
  },
  {
    name: 'take-debtor-promise',
    description: 'POST /debtors/{id}/promises: one promise over several invoices of a debtor',
    needs: { table: 'write', dunning: ['stop'] },
  },
  {
    name: 'raise-invoice-dispute',
    description: 'POST /invoices/{id}/disputes: records a dispute, pauses the dunning, tells its owners',
    needs: { table: 'write', dunning: ['stop'], publish: ['disputes'] },
  },
  {
    name: 'raise-debtor-dispute',
    description: 'POST /debtors/{id}/disputes: one dispute over several invoices of a debtor, each paused',
    needs: { table: 'write', dunning: ['stop'], publish: ['disputes'] },
  },
  {
    name: 'resolve-dispute',
    description: 'POST /disputes/{id}/resolution: rejects, withdraws or credits a dispute',
    // Sends email too: the debtor is told that a rejected or withdrawn dispute was looked at.
    needs: { table: 'write', dunning: ['start'], sendEmail: true },
  },
  {
    name: 'list-disputes',
    memoryMb: 1024,
    description: 'GET /disputes: open disputes with their age, oldest first',
    needs: { table: 'read' },
  },
  {
    name: 'place-invoice-hold',
    description: 'POST /invoices/{id}/hold: pauses the dunning of an invoice until a day',
    needs: { table: 'write', dunning: ['stop'] },
  },
  {
    name: 'end-invoice-hold',
    description: 'DELETE /invoices/{id}/hold: ends a hold early and resumes the dunning',
    needs: { table: 'write', dunning: ['start'] },
  },
  {
    name: 'place-debtor-hold',
    description: 'POST /debtors/{id}/hold: pauses the dunning of every open invoice of a debtor',
    needs: { table: 'write', dunning: ['stop'] },
  },
  {
    name: 'end-debtor-hold',
    description: 'DELETE /debtors/{id}/hold: lifts a debtor hold and resumes its invoices',
    needs: { table: 'write', dunning: ['start'] },
  },
  {
    name: 'special-management',
    description:
      'The special team: special management, insolvency (its payouts and closing) and write-offs, one function for their routes',
    // Pauses stop executions, a return starts them; a payout in full stops a plan's execution too.
    needs: { table: 'write', dunning: ['start', 'stop'], paymentPlans: ['stop'] },
  },
  {
    name: 'reports',
    description:
      'Reports and statements: GET /reports/portfolio (and /history), GET /debtors/{id}/insolvency-claim, GET /reports/vat-relief, GET /reports/provision, GET /write-off-proposals, GET /reports/controllers; on Mondays the weekly summary to managers',
    // Writes one item a week (the weekly summary's record, so that it goes once) and sends it.
    needs: { table: 'write', sendEmail: true },
  },
  {
    name: 'collection-agency',
    description:
      "POST /webhooks/collection-agency, POST /invoices/{id}/recall and GET /reports/agency: the collection agency's side",
    // Books collections as payments (a payment in full stops nothing running, but the path may);
    // a recall puts the debtor under special management, which stops executions; tells the agency.
    needs: {
      table: 'write',
      dunning: ['start', 'stop'],
      publish: ['collection-agency'],
      agencyWebhookSecret: true,
    },
  },
  {
    name: 'restart-dunning',
    description: 'POST /invoices/{id}/dunning/restart: restarts a dunning held for attention',
    needs: { table: 'write', dunning: ['start', 'read'] },
  },
  {
    name: 'list-policies',
    memoryMb: 1024,
    description: 'GET /policies and GET /templates',
    needs: { table: 'read' },
  },
  {
    name: 'get-policy',
    memoryMb: 1024,
    description: 'GET /policies/{id} and GET /templates/{id}',
    needs: { table: 'read' },
  },
  {
    name: 'put-policy',
    description:
      'PUT /policies/{id} and PUT /templates/{id}: new versions; POST /templates/{id}/preview and /test-send',
    // Sends email: a template's test send goes to the admin who asks for it.
    needs: { table: 'write', sendEmail: true },
  },
  {
    name: 'get-invoice-claim',
    memoryMb: 1024,
    description: 'GET /invoices/{id}/claim: principal, interest and costs as of a day',
    needs: { table: 'read' },
  },
  {
    name: 'send-interruption-letter',
    description:
      'POST /invoices/{id}/interruption-letter: the stuitingsbrief that keeps a claim from lapsing; POST /letters/{id}/delivery: a registered letter delivered',
    needs: { table: 'write', sendEmail: true },
  },
  {
    name: 'get-rates',
    memoryMb: 1024,
    description: 'GET /rates: the statutory interest rates',
    needs: { table: 'read' },
  },
  {
    name: 'put-rates',
    description: 'PUT /rates: a new version of the rate table',
    needs: { table: 'write' },
  },
  {
    name: 'get-dispute-causes',
    memoryMb: 1024,
    description: 'GET /settings/dispute-causes: the causes a dispute may name',
    needs: { table: 'read' },
  },
  {
    name: 'put-dispute-causes',
    description: 'PUT /settings/dispute-causes: a new version of the dispute causes',
    needs: { table: 'write' },
  },
  {
    name: 'get-sending',
    memoryMb: 1024,
    description: 'GET /settings/sending: whether all automatic sending is paused',
    needs: { table: 'read' },
  },
  {
    name: 'put-sending',
    description: 'PUT /settings/sending: pauses or releases all automatic sending',
    needs: { table: 'write' },
  },
  {
    name: 'get-outbox',
    description: 'GET /outbox: what the automatic dunning will do on a day',
    needs: { table: 'read' },
  },
  {
    name: 'create-payment-plan',
    memoryMb: 1024,
    description:
      'POST /debtors/{id}/payment-plans: agrees a payment plan and pauses the dunning of its invoices',
    needs: { table: 'write', dunning: ['stop'], paymentPlans: ['start'], sendEmail: true },
  },
  {
    name: 'list-debtor-payment-plans',
    memoryMb: 768,
    description: 'GET /debtors/{id}/payment-plans: the payment plans of a debtor',
    needs: { table: 'read' },
  },
  {
    name: 'get-payment-plan',
    description: 'GET /payment-plans/{id}: a payment plan and its instalments',
    needs: { table: 'read' },
  },
  {
    name: 'amend-payment-plan',
    description: "POST /payment-plans/{id}/amendments: a manager's change to an active payment plan",
    needs: { table: 'write', paymentPlans: ['start', 'stop'], sendEmail: true },
  },
  {
    name: 'list-unapplied-payments',
    memoryMb: 1024,
    description: 'GET /payments/unapplied: payments that matched nothing, oldest first',
    needs: { table: 'read' },
  },
  {
    name: 'assign-payment',
    description: 'POST /payments/{id}/assignment: books unapplied cash on an invoice or a debtor',
    // Sends email too: the thank-you to a debtor that became a good payer, where the policy says so.
    needs: {
      table: 'write',
      dunning: ['stop'],
      publish: ['credit-status', 'customer-rewards'],
      sendEmail: true,
    },
  },
  {
    name: 'get-worklist',
    memoryMb: 1024,
    description: "GET /worklist: today's accounts per debtor, most important first",
    needs: { table: 'read' },
  },
  {
    name: 'get-worklist-rules',
    memoryMb: 1024,
    description:
      'GET /worklist/rules and GET /settings/score-rules: the weights of the worklist and of the payment score',
    needs: { table: 'read' },
  },
  {
    name: 'put-worklist-rules',
    description:
      'PUT /worklist/rules and PUT /settings/score-rules: a new version of the worklist or the score rules',
    needs: { table: 'write' },
  },
  {
    name: 'snooze-task',
    description: 'POST /tasks/{id}/snooze: puts a task off to a later day',
    needs: { table: 'write' },
  },
  {
    name: 'put-debtor-owner',
    description: 'PUT /debtors/{id}/owner: assigns or hands over an account',
    needs: { table: 'write' },
  },
  {
    name: 'add-debtor-note',
    description:
      "POST /debtors/{id}/notes: a note on the debtor's file; PUT /debtors/{id}/sms-opt-out: the debtor's wish for no texts",
    needs: { table: 'write' },
  },
  {
    name: 'get-debtor-timeline',
    memoryMb: 1024,
    description: "GET /debtors/{id}/timeline: the debtor's contact history, newest first",
    needs: { table: 'read' },
  },
  {
    name: 'put-debtor-credit-hold',
    description: "PUT /debtors/{id}/credit-hold: a manager's credit hold, set or lifted by hand",
    needs: { table: 'write', publish: ['credit-status'] },
  },
  {
    name: 'check-debtor-credit',
    // One function for both routes of the credit check, a person's and the order system's: the
    // stack stays within CloudFormation's 500 resources.
    description:
      'GET /debtors/{id}/credit-check and GET /order-system/debtors/{id}/credit-check: approve, refer or decline an order on credit',
    // Writes: every decision goes on the debtor's timeline.
    needs: { table: 'write' },
  },
  {
    name: 'record-credit-report',
    description: "POST /debtors/{id}/credit-reports: a credit bureau's report, and the task for the next",
    needs: { table: 'write' },
  },
  {
    name: 'record-debtor-signal',
    description: 'POST /debtors/{id}/signals: tells the account manager at once what a controller heard',
    needs: { table: 'write', publish: ['account-managers'] },
  },
  {
    name: 'list-invoices',
    description: 'GET /invoices: by number, reference, status, debtor and days overdue',
    needs: { table: 'read' },
  },
  {
    name: 'self-service',
    description:
      "GET and POST /self-service/{token}, GET /self-service/{token}/statement: the debtor's own page, one function for its routes",
    // What the promise, dispute and plan use cases need (a plan's schedule is emailed), the key,
    // and the payment provider for "Pay now".
    needs: {
      table: 'write',
      dunning: ['stop'],
      paymentPlans: ['start'],
      sendEmail: true,
      publish: ['disputes'],
      selfServiceKey: true,
      paymentProvider: true,
    },
  },
  {
    name: 'list-debtors',
    description:
      'GET /debtors: by name or id, owner, segment and hold; GET /reports/debtors: the top debtors by overdue amount or worst score',
    needs: { table: 'read' },
  },
];

/**
 * The printer of letters by post, which send-dunning-letter invokes and waits for: pdf-lib, its
 * fonts and the S3 client in a bundle of their own, so that the letter-sending function stays
 * under 1 MB (docs/benchmarks.md). It lives in the printed-letters stack, next to its bucket, and
 * not in the main stack, which is close to CloudFormation's 500 resources; the local cloud runs it
 * with the others.
 */
export const PRINT_LETTER: FunctionSpec = {
  name: 'print-letter',
  description: 'Letters by post: renders the PDF, stores it and puts the order on the print queue',
  needs: { printedLetters: true, publish: ['print-queue'] },
};
