/**
 * Key layout of the single table (documented item by item in docs/data-model.md). Only this file
 * knows how records map to pk/sk and index keys.
 */
export const keys = {
  invoice: (id: string) => ({ pk: `INVOICE#${id}`, sk: '#INVOICE' }),
  debtor: (id: string) => ({ pk: `DEBTOR#${id}`, sk: '#DEBTOR' }),
  task: (id: string) => ({ pk: `TASK#${id}`, sk: '#TASK' }),
  promise: (id: string) => ({ pk: `PROMISE#${id}`, sk: '#PROMISE' }),
  dispute: (id: string) => ({ pk: `DISPUTE#${id}`, sk: '#DISPUTE' }),
  plan: (id: string) => ({ pk: `PLAN#${id}`, sk: '#PLAN' }),
  agencyClaim: (invoiceId: string) => ({ pk: `AGENCY_CLAIM#${invoiceId}`, sk: '#AGENCY_CLAIM' }),
  payment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: '#PAYMENT' }),
  creditNote: (id: string) => ({ pk: `CREDIT_NOTE#${id}`, sk: '#CREDIT_NOTE' }),
  unappliedPayment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: '#UNAPPLIED' }),
  reference: (reference: string) => ({ pk: `REFERENCE#${reference}`, sk: '#REFERENCE' }),
  delivery: (id: string) => ({ pk: `DELIVERY#${id}`, sk: '#DELIVERY' }),
  replyAddress: (token: string) => ({ pk: `REPLY_TO#${token}`, sk: '#REPLY_TO' }),
  parked: (subject: string, receivedAt: string, deliveryId: string) => ({
    pk: `PARKED#${subject}`,
    sk: `${receivedAt}#${deliveryId}`,
  }),
  letter: (key: { debtorId: string; slot: string; currency: string; day: string }) => ({
    pk: `DEBTOR#${key.debtorId}`,
    sk: `${letterPrefix(key.slot)}${key.day}#${key.currency}`,
  }),
  policyVersion: (id: string, version: number) => ({
    pk: `POLICY#${id}`,
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  policyLatest: (id: string) => ({ pk: `POLICY#${id}`, sk: '#LATEST' }),
  ratesVersion: (version: number) => ({ pk: 'RATES', sk: `VERSION#${String(version).padStart(6, '0')}` }),
  ratesLatest: () => ({ pk: 'RATES', sk: '#LATEST' }),
  sendingVersion: (version: number) => ({
    pk: 'SETTINGS#SENDING',
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  sendingLatest: () => ({ pk: 'SETTINGS#SENDING', sk: '#LATEST' }),
  worklistRulesVersion: (version: number) => ({
    pk: 'SETTINGS#WORKLIST',
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  worklistRulesLatest: () => ({ pk: 'SETTINGS#WORKLIST', sk: '#LATEST' }),
  disputeCausesVersion: (version: number) => ({
    pk: 'SETTINGS#DISPUTE_CAUSES',
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  disputeCausesLatest: () => ({ pk: 'SETTINGS#DISPUTE_CAUSES', sk: '#LATEST' }),
  scoreRulesVersion: (version: number) => ({
    pk: 'SETTINGS#SCORE',
    sk: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  scoreRulesLatest: () => ({ pk: 'SETTINGS#SCORE', sk: '#LATEST' }),
  /** The debtor's overdue amount in one currency: the overdue ranking's item (gsi5). */
  debtorOverdue: (debtorId: string, currency: string) => ({
    pk: `DEBTOR#${debtorId}`,
    sk: `#OVERDUE#${currency}`,
  }),
  /** The debtor's overdue movement of one week in one currency: the weekly summary's item (gsi5). */
  overdueMovement: (debtorId: string, week: string, currency: string) => ({
    pk: `DEBTOR#${debtorId}`,
    sk: `#OVERDUE_MOVE#${week}#${currency}`,
  }),
  /** The run of the day, or (`part`) the checkpoint of one range of a fanned-out run. */
  sweepRun: (day: string, part?: number) => ({
    pk: `SWEEP#${day}`,
    sk: part === undefined ? '#RUN' : `#PART#${String(part).padStart(5, '0')}`,
  }),
  insolvencyRegisterEntry: (kvkNumber: string, caseNumber: string) => ({
    pk: `INSOLVENCY_REGISTER#${kvkNumber}`,
    sk: `ENTRY#${caseNumber}`,
  }),
  /** One month's fact days share a partition, so a report reads a span of days in a query per month. */
  portfolioCounters: (day: string, currency: string, shard: string) => ({
    pk: portfolioMonth(day),
    sk: `DAY#${day}#${currency}#${shard}`,
  }),
  portfolioSnapshot: (day: string) => ({ pk: PORTFOLIO_SNAPSHOTS, sk: day }),
  selfServiceRate: (tokenId: string, hour: string) => ({ pk: `SELF_SERVICE#${tokenId}`, sk: `RATE#${hour}` }),
  selfServiceSubmission: (key: string) => ({ pk: `SUBMISSION#${key}`, sk: '#SUBMISSION' }),
  eventPartition: (subject: { invoiceId: string } | { debtorId: string }) =>
    'invoiceId' in subject ? `INVOICE#${subject.invoiceId}` : `DEBTOR#${subject.debtorId}`,
} as const;

/** The sort-key prefix of a debtor's letters of one step: `LETTER#<slot>#<day>#<currency>`. */
export function letterPrefix(slot: string): string {
  return `LETTER#${slot}#`;
}

/** Sparse index of open invoices by due date: only invoices still being collected carry it. */
export const OPEN_INVOICES = 'OPEN_INVOICE';
/** Sparse (gsi1): invoices at the collection agency by due date, whose limitation is still watched. */
export const CLAIMS_AT_AGENCY = 'CLAIM_AT_AGENCY';
/** Sparse index of open tasks by due date and priority. */
export const OPEN_TASKS = 'OPEN_TASK';
/** Sparse (gsi1): payments parked by the time they were parked, so that old unmatched money is found. */
export const PARKED_PAYMENTS = 'PARKED_PAYMENT';
/** Sparse (gsi1): unapplied cash not yet assigned, by the time the money arrived. */
export const UNAPPLIED_PAYMENTS = 'UNAPPLIED_PAYMENT';
/** Sparse (gsi1): disputes still waiting for an answer, by the time they were raised. */
export const OPEN_DISPUTES = 'OPEN_DISPUTE';
/** Sparse (gsi1): payment plans whose execution has work to do, by the time they were agreed. */
export const PLANS_UNDER_WAY = 'PLAN_UNDER_WAY';
/** gsi1: every claim handed over to the collection agency, by the day it went (the agency report). */
export const AGENCY_CLAIMS = 'AGENCY_CLAIM';
/** Partition of the policy catalogue's latest versions (gsi1). */
export const POLICIES = 'POLICY';

/** Sorts higher priority first inside one due date. */
export function prioritySortKey(priority: number): string {
  return String(999_999_999 - Math.max(0, Math.min(999_999_999, Math.round(priority)))).padStart(9, '0');
}

const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'gsi5pk',
  'gsi5sk',
  'gsi6pk',
  'gsi6sk',
  'expiresAt',
  'itemType',
];

export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}

/** Partition (gsi1) of every debtor by search name: the directory GET /debtors?q= reads. */
export const DEBTORS = 'DEBTOR';
/** gsi4 partition of an owner's debtors (`none` for the unowned), by search name. */
export function ownerPartition(owner: string | null): string {
  return `OWNER#${owner ?? 'none'}`;
}
/** The kinds of open work gsi6 holds per owner, as they appear in its sort key. */
export type AccountWorkKind = 'INVOICE' | 'TASK' | 'DISPUTE';
/**
 * gsi6 keys of an open invoice, task or dispute: the partition of its debtor's owner (`none` while
 * unowned, as gsi4's), sorted by debtor first, so that one account's items in a partition are
 * one `begins_with` away (a handover finds what to move).
 */
export function accountWorkKeys(
  record: { accountOwner?: string; debtorId: string; id: string },
  kind: AccountWorkKind,
): { gsi6pk: string; gsi6sk: string } {
  return {
    gsi6pk: ownerPartition(record.accountOwner ?? null),
    gsi6sk: `${record.debtorId}#${kind}#${record.id}`,
  };
}
/** gsi4 partition of the invoices of one status, by due date. */
export function invoiceStatusPartition(status: string): string {
  return `INVOICE_STATUS#${status}`;
}
/** gsi2 partition of the debtors carrying one Chamber of Commerce number: the insolvency register names it. */
export function kvkPartition(kvkNumber: string): string {
  return `KVK#${kvkNumber}`;
}
/** gsi2 partition of the invoices carrying one number: a debtor on the phone quotes it. */
export function invoiceNumberPartition(number: string): string {
  return `INVOICE_NUMBER#${number}`;
}

/** Sparse (gsi3) partition of the debtors with a score, by score (worst first) and id. */
export const DEBTOR_SCORES = 'DEBTOR_SCORE';
export function scoreSortKey(score: number, debtorId: string): string {
  return `${String(Math.max(0, Math.min(999, Math.round(score)))).padStart(3, '0')}#${debtorId}`;
}
/** The partition of the portfolio counters of the fact days of one month. */
export function portfolioMonth(day: string): string {
  return `PORTFOLIO#${day.slice(0, 7)}`;
}
/** The partition of the daily portfolio snapshots, by day. */
export const PORTFOLIO_SNAPSHOTS = 'PORTFOLIO_SNAPSHOT';
/** Counters are attributes of their item named with this prefix, apart from its other attributes. */
export const COUNTER_PREFIX = 'c|';
/** gsi5 partition of the debtors' overdue amounts in one currency, by amount (a number). */
export function overduePartition(currency: string): string {
  return `DEBTOR_OVERDUE#${currency}`;
}
/** gsi5 partition of the debtors' overdue movements of one week in one currency, by movement (a number). */
export function overdueMovementPartition(currency: string, week: string): string {
  return `OVERDUE_MOVES#${currency}#${week}`;
}
