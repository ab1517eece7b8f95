import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date';

/**
 * Why a debtor disputes an invoice: a code from the list of causes an admin keeps
 * (`dispute-causes.ts`, `GET /settings/dispute-causes`). The `disputes` topic carries the cause
 * as a message attribute, so that whoever owns disputes of a cause subscribes with a filter on it.
 */
export type DisputeCause = string;

/** A reference to one document of a dispute (a delivery note, a photo): a URL or a storage key, not the file. */
export interface DisputeDocument {
  /** What the document is, in a word: `delivery_note`, `photo`, `email`, `document`. */
  kind: string;
  ref: string;
}

/** The kind of a document given as a bare reference. */
const PLAIN_DOCUMENT_KIND = 'document';

/** How a dispute is resolved: credited, a credit note follows; rejected or withdrawn, the invoice stands. */
export const DISPUTE_OUTCOMES = ['credited', 'rejected', 'withdrawn'] as const;

export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/**
 * open: raised, not yet resolved. awaiting_credit_note: resolved as credited, the dunning stays
 * paused until the invoicing system sends the credit note. rejected, withdrawn, credited: closed.
 * settled: the invoice was paid or cancelled while the dispute was open.
 */
export type DisputeStatus = 'open' | 'awaiting_credit_note' | DisputeOutcome | 'settled';

/** A debtor's objection to an invoice. While it is open (or awaits its credit note) the dunning is paused. */
export interface Dispute {
  id: string;
  /** The first (or only) invoice it covers. */
  invoiceId: string;
  /**
   * Every invoice it covers, `invoiceId` first: one, or several invoices of one debtor in one
   * currency (`POST /debtors/{id}/disputes`), each disputed in full. Absent on disputes stored
   * before a dispute could cover several: read it with `invoicesOf`.
   */
  invoiceIds?: string[];
  debtorId: string;
  cause: DisputeCause;
  /** The owner routing its cause named when it was raised (`dispute-causes.ts`), if any. */
  owner?: string;
  /** What is disputed, in cents of the invoice's currency; the open amount (the sum of them) when not given. */
  amount: number;
  currency: string;
  /**
   * Set when it disputes only part of one invoice (`amount` below the open amount): the dunning
   * goes on for the undisputed rest, and the invoice carries the part (`disputedPart`).
   */
  partial?: true;
  /** Invoices of the dispute that no longer wait for it: settled, or credited while it waited for credit notes. */
  closedInvoiceIds?: string[];
  note: string;
  /** References to its documents (a delivery note, a photo) as URLs or keys, not the files. */
  documents: DisputeDocument[];
  status: DisputeStatus;
  /** Who raised it: 'user:<sub>'. */
  raisedBy: string;
  raisedAt: string;
  /** The day it was raised, in the policy's time zone. */
  raisedOn: CalendarDate;
  /** The day by which it should be resolved (raised + disputeSlaDays); still open then, a manager's task. */
  respondBy: CalendarDate;
  /** The call task whose outcome it was, if any. */
  taskId?: string;
  resolution?: {
    outcome: DisputeOutcome;
    note: string;
    /** With outcome credited: the credit expected, in cents. */
    creditAmount?: number;
    by: string;
    at: string;
  };
  /** The credit note that ended it, if one did. */
  creditNoteId?: string;
  closedAt?: string;
  /** The debtor's owner as of the last write (absent: unowned), as on the invoice (`Invoice.accountOwner`). */
  accountOwner?: string;
}

export interface DisputeIssue {
  path: string;
  message: string;
}

/** What is wrong with a dispute as asked: an amount that is not a positive part of what is open. */
export function disputeIssues(input: { amount?: number; openAmount: number }): DisputeIssue[] {
  if (input.amount === undefined) return [];
  if (input.amount <= 0) return [{ path: 'amount', message: 'amount must be positive' }];
  if (input.amount > input.openAmount) {
    return [
      { path: 'amount', message: `amount must be at most the open amount (${input.openAmount} cents)` },
    ];
  }
  return [];
}

/** What is wrong with a resolution as asked: a credit amount without a credit, or beyond the invoice's open amount. */
export function resolutionIssues(input: {
  outcome: DisputeOutcome;
  creditAmount?: number;
  openAmount: number;
}): DisputeIssue[] {
  if (input.creditAmount === undefined) return [];
  if (input.outcome !== 'credited') {
    return [{ path: 'creditAmount', message: 'creditAmount goes only with outcome credited' }];
  }
  if (input.creditAmount <= 0) return [{ path: 'creditAmount', message: 'creditAmount must be positive' }];
  if (input.creditAmount > input.openAmount) {
    return [
      {
        path: 'creditAmount',
        message: `creditAmount must be at most the open amount (${input.openAmount} cents)`,
      },
    ];
  }
  return [];
}

/** The day a dispute raised today should be resolved by. */
export function respondByDay(raisedOn: CalendarDate, slaDays: number): CalendarDate {
  return addDays(raisedOn, slaDays);
}

/** Whether a dispute is still waiting for an answer (not for its credit note, not closed). */
export function isOpenDispute(dispute: Pick<Dispute, 'status'>): boolean {
  return dispute.status === 'open';
}

/** Open on or past its respond-by day: a manager must see to it. */
export function isOverdueDispute(
  dispute: Pick<Dispute, 'status' | 'respondBy'>,
  today: CalendarDate,
): boolean {
  return isOpenDispute(dispute) && dispute.respondBy <= today;
}

/** Whole days since the dispute was raised. */
export function disputeAgeDays(dispute: Pick<Dispute, 'raisedOn'>, today: CalendarDate): number {
  return Math.max(0, daysBetween(dispute.raisedOn, today));
}

/** The invoices a dispute covers, the first one first. */
export function invoicesOf(dispute: Pick<Dispute, 'invoiceId' | 'invoiceIds'>): string[] {
  return dispute.invoiceIds && dispute.invoiceIds.length > 0 ? [...dispute.invoiceIds] : [dispute.invoiceId];
}

/** The invoices of a dispute that still wait for it (neither settled nor credited). */
export function invoicesStillDisputed(
  dispute: Pick<Dispute, 'invoiceId' | 'invoiceIds' | 'closedInvoiceIds'>,
): string[] {
  const closed = new Set(dispute.closedInvoiceIds ?? []);
  return invoicesOf(dispute).filter((id) => !closed.has(id));
}

/**
 * Whether a dispute over `amount` of one invoice covers only part of what is open: then only that
 * part is paused, and the dunning goes on for the rest.
 */
export function isPartOfInvoice(amount: number | undefined, openAmount: number): boolean {
  return amount !== undefined && amount > 0 && amount < openAmount;
}

/** The part of an invoice under an open dispute over part of it: the dunning asks for the rest. */
export interface DisputedPart {
  disputeId: string;
  /** Cents of the invoice's currency. */
  amount: number;
}

/**
 * What the dunning asks for: the open amount less the part under dispute, never below zero (a
 * payment or credit note may since have lowered what is open below the disputed part).
 */
export function undisputedAmount(invoice: { openAmount: number; disputedPart?: DisputedPart }): number {
  return Math.max(0, invoice.openAmount - (invoice.disputedPart?.amount ?? 0));
}

/** A document reference as stored: disputes stored before references had a kind held bare strings. */
export function documentOf(reference: string | DisputeDocument): DisputeDocument {
  return typeof reference === 'string' ? { kind: PLAIN_DOCUMENT_KIND, ref: reference } : reference;
}

/** The most invoices one dispute may cover: each is paused in the one transaction that records it. */
export const MAX_INVOICES_PER_DISPUTE = 25;

/** An invoice as a dispute over several needs to see it. */
export interface InvoiceToDispute {
  id: string;
  debtorId: string;
  currency: string;
}

/**
 * What is wrong with the invoices of a dispute over several invoices of one debtor: named by their
 * index in `invoiceIds`. Each must exist, belong to the debtor, appear once, and all share one
 * currency (one dispute, one amount). Whether each can still be paused is checked with the store.
 */
export function disputedInvoicesIssues(input: {
  debtorId: string;
  invoiceIds: readonly string[];
  invoices: readonly (InvoiceToDispute | undefined)[];
}): { notFound: DisputeIssue[]; invalid: DisputeIssue[] } {
  const notFound: DisputeIssue[] = [];
  const invalid: DisputeIssue[] = [];
  const seen = new Set<string>();
  const currency = input.invoices.find((invoice) => invoice !== undefined)?.currency;
  input.invoiceIds.forEach((id, index) => {
    const path = `invoiceIds.${index}`;
    const invoice = input.invoices[index];
    if (seen.has(id)) invalid.push({ path, message: `invoice ${id} is named twice` });
    seen.add(id);
    if (!invoice) {
      notFound.push({ path, message: `invoice ${id} does not exist` });
      return;
    }
    if (invoice.debtorId !== input.debtorId) {
      invalid.push({ path, message: `invoice ${id} is not an invoice of debtor ${input.debtorId}` });
    } else if (invoice.currency !== currency) {
      invalid.push({
        path,
        message: `invoice ${id} is in ${invoice.currency}, the others in ${currency}: one dispute per currency`,
      });
    }
  });
  return { notFound, invalid };
}
