import type { Role, RouteSpec } from './routes';
import { lazyRequest } from './route-request';

// Each route's request schemas are loaded on its first request (./route-request.ts).
const idPathSchema = () => import('./schemas/id-path');
const specialSchemas = () => import('./schemas/special-schemas');

/** The special-management team (Bijzonder Beheer); managers may do what it does. */
const specialTeam: readonly Role[] = ['special', 'manager'];

/**
 * The routes of special management, insolvency and write-off, part of the one route table. The
 * changes share one Lambda; the statements are served by the reports Lambda: see capability-handler.ts.
 */
export const SPECIAL_ROUTES = [
  {
    method: 'POST',
    path: '/debtors/{id}/special-management',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      "Takes the debtor out of the normal cycle: every running dunning stops (a recorded pause, no letter, no call) and its tasks move to the special team's list",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).specialManagementBody,
    })),
  },
  {
    method: 'DELETE',
    path: '/debtors/{id}/special-management',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary: 'Returns the debtor to the normal cycle: each invoice resumes at the step after its last',
    request: lazyRequest(async () => ({ path: (await idPathSchema()).idPath })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/insolvency',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      'Records a bankruptcy, WSNP or suspension of payments: the debtor goes under special management, all collection stops, and a task says to file the claim before the deadline',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).insolvencyBody,
    })),
  },
  {
    method: 'GET',
    path: '/debtors/{id}/insolvency-claim',
    handler: 'reports',
    auth: { kind: 'jwt', roles: ['special', 'manager', 'controller', 'admin'] },
    summary:
      "The claim to file with the trustee: per invoice the principal, interest up to the insolvency's date only, costs already due, the VAT included, and the total (JSON, or a printable page with format=html)",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      query: (await specialSchemas()).insolvencyClaimQuery,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/insolvency/distributions',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      "Books a payout of the trustee as a payment on the debtor's oldest open invoices, once per payout id",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).distributionBody,
    })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/insolvency/closing',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary: 'Closes the insolvency: what remains open on its invoices is written off as uncollectable',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).insolvencyClosingBody,
    })),
  },
  {
    method: 'POST',
    path: '/invoices/{id}/write-off',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: [...specialTeam, 'admin'] },
    summary:
      'Writes off the open amount (status written_off, the dunning stops for good) or part of it (a remission), with the VAT that may be reclaimed and its period; above the configured amount an admin only',
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).writeOffBody,
    })),
  },
  {
    method: 'GET',
    path: '/reports/vat-relief',
    handler: 'reports',
    auth: { kind: 'jwt', roles: [...specialTeam, 'admin'] },
    summary:
      'The VAT on bad debts to reclaim in a VAT return period (a quarter or a month), and the VAT to pay back for written-off invoices paid after all',
    request: lazyRequest(async () => ({ query: (await specialSchemas()).vatReliefQuery })),
  },
  {
    method: 'GET',
    path: '/write-off-proposals',
    handler: 'reports',
    auth: { kind: 'jwt', roles: [...specialTeam, 'admin'] },
    summary:
      "Today's small balances (below SMALL_BALANCE_BELOW_CENTS, due SMALL_BALANCE_AFTER_DAYS ago or longer) proposed for write-off in one batch: the invoices, their amounts and the totals per currency",
  },
  {
    method: 'POST',
    path: '/write-off-proposals/{id}/approval',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: ['manager', 'admin'] },
    summary:
      'A manager approves the proposal they read: each of its invoices is written off in full, once; a proposal that changed or was approved already answers 409',
    request: lazyRequest(async () => ({
      path: (await specialSchemas()).proposalIdPath,
      body: (await specialSchemas()).proposalApprovalBody,
    })),
  },
  {
    method: 'GET',
    path: '/reports/provision',
    handler: 'reports',
    auth: { kind: 'jwt', roles: [...specialTeam, 'admin'] },
    summary:
      'The doubtful-debt provision per currency by class (age bucket, at the agency, in insolvency), with the percentages of PROVISION_PERCENTAGES (JSON, or CSV with format=csv)',
    request: lazyRequest(async () => ({ query: (await specialSchemas()).provisionQuery })),
  },
  {
    method: 'POST',
    path: '/insolvency-register/entries',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      'Records a publication of the central insolvency register (CIR) by hand; a debtor with that KvK number enters the insolvency flow (special management, collection stopped, a task to file the claim)',
    request: lazyRequest(async () => ({ body: (await specialSchemas()).registerEntryBody })),
  },
  {
    method: 'POST',
    path: '/debtors/{id}/financial-position/notes',
    handler: 'special-management',
    auth: { kind: 'jwt', roles: specialTeam },
    summary:
      "Evidence of the debtor's financial position for the special team's file: a note with references to its attachments",
    request: lazyRequest(async () => ({
      path: (await idPathSchema()).idPath,
      body: (await specialSchemas()).financialPositionNoteBody,
    })),
  },
] as const satisfies readonly RouteSpec[];
