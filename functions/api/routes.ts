import { SELF_SERVICE_ROUTES } from './self-service-routes';
import { SPECIAL_ROUTES } from './special-routes';
import { AGENCY_ROUTES } from './agency-routes';
import { REPORT_ROUTES } from './report-routes';
import { SCORE_ROUTES } from './score-routes';
import { PROVIDER_ROUTES } from './provider-routes';
import { TEMPLATE_ROUTES } from './template-routes';
import { type LazyRequest, lazyRequest, type RouteRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const accountSchemas = () => import('./schemas/account-schemas');
const apiSchemas = () => import('./schemas/api-schemas');
const claimSchemas = () => import('./schemas/claim-schemas');
const creditSchemas = () => import('./schemas/credit-schemas');
const disputeSchemas = () => import('./schemas/dispute-schemas');
const dunningSchemas = () => import('./schemas/dunning-schemas');
const idPathSchema = () => import('./schemas/id-path');
const paymentSchemas = () => import('./schemas/payment-schemas');
const planSchemas = () => import('./schemas/plan-schemas');
const policySchemas = () => import('./schemas/policy-schemas');
const postSchemas = () => import('./schemas/post-schemas');
const promiseSchemas = () => import('./schemas/promise-schemas');
const reportSchemas = () => import('./schemas/report-schemas');
const settingsSchemas = () => import('./schemas/settings-schemas');
const smsSchemas = () => import('./schemas/sms-schemas');
const webhookEvents = () => import('./schemas/webhook-events');
const worklistSchemas = () => import('./schemas/worklist-schemas');

/**
 * The API's route table: the one list that both the CDK api construct (API Gateway resources,
 * one Lambda per handler, Cognito authorizer) and the local API shim read, so that the routes,
 * their handlers and who may call them are the same locally and in AWS. Each route also carries
 * the schemas of its request: the HTTP wrapper validates with them and the OpenAPI document is
 * built from them, so the two cannot describe different requests. The schemas are loaded on first
 * use (`lazyRequest`), so that a Lambda builds only those of the routes it serves.
 */
export const ROLES = ['controller', 'manager', 'admin', 'special'] as const;
export type Role = (typeof ROLES)[number];

export type RouteAuth =
  /** Cognito user pool JWT; the caller must be in at least one of the groups. */
  | { kind: 'jwt'; roles: readonly Role[] }
  /** Standard Webhooks HMAC signature checked by the handler; no JWT. */
  | { kind: 'webhook-signature' }
  /**
   * A machine's Cognito app client (OAuth client-credentials grant): its access token must carry
   * `scope`. API Gateway checks the scope; no person's role is involved.
   */
  | { kind: 'client-credentials'; scope: string }
  /**
   * The debtor's self-service link: an HMAC-signed, expiring token in the path, checked by the
   * handler; no login and no JWT (core/self-service/self-service-token.ts).
   */
  | { kind: 'signed-link' }
  /**
   * Nothing in front: the handler trusts nothing in the request but an id, which it looks up with
   * the sender itself (`why` says how; API Gateway's finding is acknowledged with it).
   */
  | { kind: 'none'; why: string };

/** The scope of the order system's app client: the credit check of an order, nothing else. */
export const ORDER_SYSTEM_SCOPE = 'credit-control/credit-check';

export type { LazyRequest, RouteRequest } from './route-request';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template, e.g. `/invoices/{id}`. */
  path: string;
  /** Lambda entry point: `functions/handlers/<handler>.ts`, exporting `handler`. */
  handler: string;
  auth: RouteAuth;
  summary: string;
  /** The route table's are loaded on first use; a test's route may give them in place. */
  request?: RouteRequest | LazyRequest;
}

const everyone: readonly Role[] = ['controller', 'manager', 'admin', 'special'];
const creditControl: readonly Role[] = ['controller', 'manager'];
const admins: readonly Role[] = ['admin'];
const managers: readonly Role[] = ['manager', 'admin'];

export const ROUTES = [
  {
    method: 'GET',
    path: '/me',
    handler: 'get-me',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'Who the caller is and which roles the token carries',
  },
  {
    method: 'POST',
    path: '/webhooks/invoicing',
    handler: 'receive-invoicing-webhook',
    auth: { kind: 'webhook-signature' },
    summary:
      'Debtors, invoices, credit notes and payments from the invoicing system, signed per Standard Webhooks',
    request: lazyRequest(async () => ({ body: (await webhookEvents()).webhookEvent })),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'get-openapi',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'This API described as OpenAPI 3.1, generated from the schemas that validate it',
  },
  {
    method: 'GET',
    path: '/invoices/{id}',
    handler: 'get-invoice',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      "An invoice, its status, open amount, dunning state and timeline: entries in the order they happened (sequence), money as { amount, currency, formatted }, the local time, actors by name and email, titles and step names in the reader's language (lang or Accept-Language)",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await accountSchemas()).invoiceQuery,
    })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/dunning/restart',
    handler: 'restart-dunning',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Restarts a dunning held for attention (or whose execution failed) at the step after the last one done, and closes its task',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await dunningSchemas()).restartDunningBody,
    })),
  },
  {
    method: 'GET',
    path: '/debtors/{id}',
    handler: 'get-debtor',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'A debtor: balance, overdue amount, open invoices, segment and payment behaviour',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'GET',
    path: '/tasks',
    handler: 'list-tasks',
    auth: { kind: 'jwt', roles: [...creditControl, 'special'] },
    summary: "Open tasks for credit controllers, most urgent first (or the special team's list)",
    request: lazyRequest(async () => ({ query: (await apiSchemas()).taskListQuery })),
  },
  {
    method: 'POST',
    path: '/tasks/{id}/outcome',
    handler: 'record-task-outcome',
    auth: { kind: 'jwt', roles: [...creditControl, 'special'] },
    summary: 'Records the outcome of a task; a call outcome resumes the dunning workflow',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await apiSchemas()).taskOutcomeBody,
    })),
  },
  {
    method: 'GET',
    path: '/policies',
    handler: 'list-policies',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'The dunning policy of every segment, latest versions',
  },
  {
    method: 'GET',
    path: '/policies/{id}',
    handler: 'get-policy',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'One dunning policy (latest version, or ?version=N)',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await policySchemas()).policyQuery,
    })),
  },
  {
    method: 'PUT',
    path: '/policies/{id}',
    handler: 'put-policy',
    auth: { kind: 'jwt', roles: admins },
    summary: 'Stores a new version of a dunning policy (admins only)',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await policySchemas()).policyBody,
    })),
  },
  {
    method: 'GET',
    path: '/invoices/{id}/claim',
    handler: 'get-invoice-claim',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      'What the debtor owes on an invoice as of a day (?asOf=YYYY-MM-DD): principal, statutory interest, collection costs, explained',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await claimSchemas()).claimQuery,
    })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/interruption-letter',
    handler: 'send-interruption-letter',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Sends the debtor an interruption letter (stuitingsbrief, art. 3:317 BW): its recorded delivery starts the limitation period again',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await claimSchemas()).interruptionLetterBody,
    })),
  },
  {
    method: 'POST',
    path: '/letters/{id}/delivery',
    // Served by the function of the letters a controller sends by hand (capabilityHandler).
    handler: 'send-interruption-letter',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      "Records the confirmed delivery of a registered letter by post (the post's proof of delivery): the day it counts as received, from which its term runs",
    request: lazyRequest(async () => ({
      path: (await postSchemas()).letterIdPath,
      body: (await postSchemas()).letterDeliveryBody,
    })),
  },
  {
    method: 'GET',
    path: '/rates',
    handler: 'get-rates',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'The statutory interest rates claims are computed with, and their version',
  },
  {
    method: 'PUT',
    path: '/rates',
    handler: 'put-rates',
    auth: { kind: 'jwt', roles: admins },
    summary: 'Replaces the statutory interest rate table with a new version (admins only)',
    request: lazyRequest(async () => ({ body: (await claimSchemas()).rateTableBody })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/promises',
    handler: 'take-invoice-promise',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Records a promise to pay the invoice by a date; its dunning pauses until the promise is kept or broken',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await promiseSchemas()).invoicePromiseBody,
    })),
  },
  {
    method: 'GET',
    path: '/invoices/{id}/promises',
    handler: 'list-invoice-promises',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'The promises to pay made on an invoice: open, kept, broken or cancelled',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/promises',
    handler: 'take-debtor-promise',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Records one promise to pay several invoices of the debtor by one date; kept only when all are covered',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await promiseSchemas()).debtorPromiseBody,
    })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/disputes',
    handler: 'raise-invoice-dispute',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Records a dispute over the invoice with its cause; the dunning pauses (for an amount below what is open, only that part: the dunning goes on for the rest) and the owners of the cause are told',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await disputeSchemas()).disputeBody,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/disputes',
    handler: 'raise-debtor-dispute',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Records one dispute over several open invoices of the debtor, each in full; the dunning of each pauses and the resolution applies to each',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await disputeSchemas()).debtorDisputeBody,
    })),
  },
  {
    method: 'POST',
    path: '/disputes/{id}/resolution',
    handler: 'resolve-dispute',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Resolves a dispute: rejected or withdrawn resumes the dunning at the next step; credited waits for the credit note',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await disputeSchemas()).disputeResolutionBody,
    })),
  },
  {
    method: 'GET',
    path: '/disputes',
    handler: 'list-disputes',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Open disputes with their age in days, oldest first',
    request: lazyRequest(async () => ({ query: (await disputeSchemas()).disputeListQuery })),
  },
  {
    method: 'GET',
    path: '/settings/dispute-causes',
    handler: 'get-dispute-causes',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      'The causes a dispute may name, with the owner each is routed to; the seed list until an admin changes it',
  },
  {
    method: 'PUT',
    path: '/settings/dispute-causes',
    handler: 'put-dispute-causes',
    auth: { kind: 'jwt', roles: admins },
    summary:
      'Replaces the list of dispute causes (a new version over the one you read); disputes raised before keep their cause (admins only)',
    request: lazyRequest(async () => ({ body: (await disputeSchemas()).disputeCausesBody })),
  },
  {
    method: 'GET',
    path: '/settings/sending',
    handler: 'get-sending',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'Whether all automatic sending is paused, since when, by whom and why',
  },
  {
    method: 'PUT',
    path: '/settings/sending',
    handler: 'put-sending',
    auth: { kind: 'jwt', roles: admins },
    summary:
      'Pauses or releases all automatic letters, calls, escalations and hand-overs; what falls due meanwhile runs after the release (admins only)',
    request: lazyRequest(async () => ({ body: (await settingsSchemas()).sendingBody })),
  },
  {
    method: 'GET',
    path: '/outbox',
    handler: 'get-outbox',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'What the automatic dunning will do on a day: letters per debtor and currency with their invoices, calls, escalations, hand-overs; put a hold on any of them with POST /invoices/{id}/hold or POST /debtors/{id}/hold before it goes',
    request: lazyRequest(async () => ({ query: (await settingsSchemas()).outboxQuery })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/hold',
    handler: 'place-invoice-hold',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Holds the automatic dunning steps of an invoice until a day; then they go on at the next step',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await promiseSchemas()).holdBody,
    })),
  },
  {
    method: 'DELETE',
    path: '/invoices/{id}/hold',
    handler: 'end-invoice-hold',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Ends the hold of an invoice early; the dunning goes on at the step after the last one done',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/hold',
    handler: 'place-debtor-hold',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Holds the dunning of every open invoice of the debtor until a day',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await promiseSchemas()).holdBody,
    })),
  },
  {
    method: 'DELETE',
    path: '/debtors/{id}/hold',
    handler: 'end-debtor-hold',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Ends the hold of a debtor early; each of its held invoices goes on at its next step',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  ...SPECIAL_ROUTES,
  ...AGENCY_ROUTES,
  ...REPORT_ROUTES,
  ...SELF_SERVICE_ROUTES,
  ...SCORE_ROUTES,
  ...PROVIDER_ROUTES,
  ...TEMPLATE_ROUTES,
  {
    method: 'GET',
    path: '/payments/unapplied',
    handler: 'list-unapplied-payments',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Unapplied cash: payments that matched no invoice or debtor for days, oldest first',
  },
  {
    method: 'POST',
    path: '/payments/{id}/assignment',
    handler: 'assign-payment',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Assigns an unapplied payment to an invoice (the rest is credit for its debtor) or to a debtor; once only (409 after)',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await paymentSchemas()).paymentAssignmentBody,
    })),
  },
  {
    method: 'GET',
    path: '/worklist',
    handler: 'get-worklist',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      "Today's accounts, one entry per debtor with its tasks, most important first with the reasons, and under `waiting` those whose dunning waits for a promise, hold or plan with nothing due today, with the day they return; ?owner= (managers) for another controller's or `none` for the unowned",
    request: lazyRequest(async () => ({ query: (await worklistSchemas()).worklistQuery })),
  },
  {
    method: 'GET',
    path: '/worklist/rules',
    handler: 'get-worklist-rules',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'The weights that order the worklist and who owns new debtors per segment, latest version',
  },
  {
    method: 'PUT',
    path: '/worklist/rules',
    handler: 'put-worklist-rules',
    auth: { kind: 'jwt', roles: managers },
    summary: 'Stores a new version of the worklist rules (managers and admins only)',
    request: lazyRequest(async () => ({ body: (await worklistSchemas()).worklistRulesBody })),
  },
  {
    method: 'POST',
    path: '/tasks/{id}/snooze',
    handler: 'snooze-task',
    auth: { kind: 'jwt', roles: creditControl },
    summary: 'Puts a task off to a later day with a reason; it leaves the list until then',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await worklistSchemas()).snoozeBody,
    })),
  },
  {
    method: 'PUT',
    path: '/debtors/{id}/owner',
    handler: 'put-debtor-owner',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Assigns the account to a controller or hands it over (null: unowned); notes and tasks stay with it',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await accountSchemas()).ownerBody,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/notes',
    handler: 'add-debtor-note',
    auth: { kind: 'jwt', roles: creditControl },
    summary: "Adds a note to the debtor's file, on its timeline",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await accountSchemas()).noteBody,
    })),
  },
  {
    method: 'PUT',
    path: '/debtors/{id}/sms-opt-out',
    handler: 'add-debtor-note',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      "Records the debtor's own wish for no more texts (optOut true) or for texts again (false), on its timeline; kept apart from the invoicing system's smsOptOut, and either one stops the sms steps",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await smsSchemas()).smsOptOutBody,
    })),
  },
  {
    method: 'GET',
    path: '/debtors/{id}/timeline',
    handler: 'get-debtor-timeline',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      "The debtor's contact history across all its invoices, newest first, a page at a time: letters, calls, notes, promises, disputes, payments, holds, escalations; each entry numbered in the order things happened (sequence), money as { amount, currency, formatted }, actors by name and email, in the reader's language (lang or Accept-Language)",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await accountSchemas()).timelineQuery,
    })),
  },
  {
    method: 'PUT',
    path: '/debtors/{id}/credit-hold',
    handler: 'put-debtor-credit-hold',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Sets or lifts the credit hold by hand with a reason; on the timeline and the credit-status topic. A hold set by hand stays until a manager lifts it',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await creditSchemas()).creditHoldBody,
    })),
  },
  {
    method: 'GET',
    path: '/debtors/{id}/credit-check',
    handler: 'check-debtor-credit',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'May the debtor order this amount more on credit: approve, refer (to a manager) or decline, with the reasons, exposure, credit limit and what is available; logged on the timeline',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await creditSchemas()).creditCheckQuery,
    })),
  },
  {
    method: 'GET',
    path: '/order-system/debtors/{id}/credit-check',
    handler: 'check-debtor-credit',
    auth: { kind: 'client-credentials', scope: ORDER_SYSTEM_SCOPE },
    summary:
      "The credit check for the order system's app client (access token with the credit-control/credit-check scope): the same decision as GET /debtors/{id}/credit-check, within the order system's own order authority",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await creditSchemas()).creditCheckQuery,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/credit-reports',
    handler: 'record-credit-report',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      "Records what a credit bureau said; the latest report and its recommended limit show in the debtor view, and a task asks for the next one when the risk class's cadence makes it due",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await creditSchemas()).creditReportBody,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/signals',
    handler: 'record-debtor-signal',
    auth: { kind: 'jwt', roles: creditControl },
    summary:
      'Financial trouble, a change of ownership or other news: the account manager is told at once (account-managers topic); on the timeline',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await creditSchemas()).signalBody,
    })),
  },
  {
    method: 'GET',
    path: '/invoices',
    handler: 'list-invoices',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      'Finds invoices by number or payment reference, or lists them by status, debtor and days overdue, oldest due first, a page at a time',
    request: lazyRequest(async () => ({ query: (await accountSchemas()).invoiceListQuery })),
  },
  {
    method: 'GET',
    path: '/debtors',
    handler: 'list-debtors',
    auth: { kind: 'jwt', roles: everyone },
    summary:
      'Finds debtors by name or id (accents and case ignored), owner, segment and hold, a page at a time',
    request: lazyRequest(async () => ({ query: (await accountSchemas()).debtorListQuery })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/payment-plans',
    handler: 'create-payment-plan',
    auth: { kind: 'jwt', roles: [...creditControl, 'special'] },
    summary:
      'Agrees a payment plan over open invoices of the debtor (?validate=true: only checks it, writing nothing): their dunning pauses, a reminder precedes each instalment, a missed one breaks the plan; beyond the policy term, or after a broken plan, a manager only; for a debtor under special management the special team (or a manager) beyond the policy limits',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await planSchemas()).paymentPlanQuery,
      body: (await planSchemas()).paymentPlanBody,
    })),
  },
  {
    method: 'GET',
    path: '/debtors/{id}/payment-plans',
    handler: 'list-debtor-payment-plans',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'The payment plans of a debtor, newest first, with their instalments and what was paid',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'GET',
    path: '/payment-plans/{id}',
    handler: 'get-payment-plan',
    auth: { kind: 'jwt', roles: everyone },
    summary: 'A payment plan: status, reference, instalments and what each invoice received',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'POST',
    path: '/payment-plans/{id}/amendments',
    handler: 'amend-payment-plan',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Changes an active payment plan (a longer term, other dates) with a reason: the new instalments replace those not yet paid (managers only)',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await planSchemas()).planAmendmentBody,
    })),
  },
  {
    method: 'GET',
    path: '/reports/controllers',
    // Read from the counters of each controller's days, as the other reports of the special team's reads function.
    handler: 'reports',
    auth: { kind: 'jwt', roles: managers },
    summary:
      'Per controller over a period of days (from, to; at most 366): tasks done and done on time, calls made and reached, promises taken and kept, money paid within 14 days after the controller reached the debtor',
    request: lazyRequest(async () => ({ query: (await reportSchemas()).controllerReportQuery })),
  },
] as const satisfies readonly RouteSpec[];

export type ApiRoute = (typeof ROUTES)[number];
export type HandlerName = ApiRoute['handler'];
