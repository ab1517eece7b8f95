import type { AgencyStatus } from '../agency/agency-claim';
import type { CalendarDate } from '../calendar/calendar-date';
import type { DisputedPart } from '../disputes/dispute';
import type { Money } from '../money';
import type { VatRelief } from '../special/vat-relief';
import type { WrittenOff } from '../special/write-off';

/** `written_off`: what was open is no longer claimed (see core/special/write-off.ts). */
export type InvoiceStatus = 'open' | 'overdue' | 'paid' | 'cancelled' | 'in_collection' | 'written_off';

export interface InvoiceLine {
  description: string;
  quantity: number;
  /** Unit price in cents. */
  unitAmount: number;
  /** Line total in cents, including VAT. */
  totalAmount: number;
}

/** An invoice as the credit-control system knows it: amounts in cents of `currency`. */
export interface Invoice {
  id: string;
  number: string;
  debtorId: string;
  currency: string;
  totalAmount: number;
  /** What is still to be paid after payments and credit notes; 0 when settled. */
  openAmount: number;
  /**
   * The debtor's money this invoice holds: payments and credit set off against it, less what went
   * back to the debtor's account. Absent on invoices stored before it was kept: read it with
   * `paidOn` (invoice-money.ts).
   */
  paidAmount?: number;
  /** The credit notes booked against the invoice, in cents; absent while there are none. */
  creditedAmount?: number;
  /**
   * The collection costs and interest a letter demanded with the principal (a 'total-claim'
   * request), as far as not paid yet: payments go to them before the principal (art. 6:44 BW).
   */
  claimDue?: { costs: number; interest: number; askedOn: CalendarDate };
  /** The debtor's money the invoice holds for costs and interest; absent while there is none. */
  claimPaidAmount?: number;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  paymentLink?: string;
  /** The invoice as a PDF in the invoicing system: the self-service page links to it. */
  pdfUrl?: string;
  /**
   * The payment provider's long-lived link for what a letter asked on this invoice, made once where
   * the invoicing system gave no `paymentLink`, and kept so that the next letter reuses it.
   */
  providerPaymentLink?: ProviderPaymentLinkRef;
  /** Structured payment reference (RF or betalingskenmerk) printed on every letter. */
  paymentReference: string;
  lines?: InvoiceLine[];
  status: InvoiceStatus;
  /** When the invoice was paid in full, cancelled or handed over (ISO timestamp). */
  closedAt?: string;
  /** The part under an open dispute over part of the invoice: the dunning asks for the rest. */
  disputedPart?: DisputedPart;
  /** The VAT in `totalAmount`, in cents, when the invoicing system sends it (VAT relief needs it). */
  vatAmount?: number;
  /** What was written off, and what the debtor paid on it after all. */
  writtenOff?: WrittenOff;
  /** The VAT that may be reclaimed on what was written off (art. 29 Wet OB 1968). */
  vatRelief?: VatRelief;
  /** Where the claim stands at the collection agency, once handed over (the rest: its agency claim). */
  agencyStatus?: AgencyStatus;
  /**
   * The debtor's owner (a controller's sub) as of the last write; absent while unowned. A copy,
   * kept so that an owner's open work is one index partition; a handover writes it anew.
   */
  accountOwner?: string;
}

/** A payment link of the payment provider (Mollie): its id, its page and the cents it asks. */
export interface ProviderPaymentLinkRef {
  id: string;
  url: string;
  amount: number;
}

export function openMoney(invoice: Pick<Invoice, 'openAmount' | 'currency'>): Money {
  return { amount: invoice.openAmount, currency: invoice.currency };
}

const COLLECTING: ReadonlySet<InvoiceStatus> = new Set(['open', 'overdue']);
const RECEIVABLE: ReadonlySet<InvoiceStatus> = new Set(['open', 'overdue', 'in_collection']);

/**
 * Still being collected by the dunning: open or overdue. Paid, cancelled and handed-over invoices
 * are not, so a step skips them and they leave the sweep's index of open invoices.
 */
export function isCollecting(invoice: Pick<Invoice, 'status'>): boolean {
  return COLLECTING.has(invoice.status);
}

/** Still owed to the company: being collected, or handed over to the collection agency. */
export function isReceivable(invoice: Pick<Invoice, 'status'>): boolean {
  return RECEIVABLE.has(invoice.status);
}

/** Receivable with money left to pay: a payment or a credit note can still lower it. */
export function hasOpenBalance(invoice: Pick<Invoice, 'status' | 'openAmount'>): boolean {
  return isReceivable(invoice) && invoice.openAmount > 0;
}
