import type { CalendarDate } from '../calendar/calendar-date';
import type { Money } from '../money';

export type InvoiceStatus = 'open' | 'overdue' | 'paid' | 'cancelled' | 'in_collection';

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
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  paymentLink?: string;
  /** Structured payment reference (RF or betalingskenmerk) printed on every letter. */
  paymentReference: string;
  lines?: InvoiceLine[];
  status: InvoiceStatus;
  /** When the invoice was paid in full, cancelled or handed over (ISO timestamp). */
  closedAt?: string;
}

export function openMoney(invoice: Pick<Invoice, 'openAmount' | 'currency'>): Money {
  return { amount: invoice.openAmount, currency: invoice.currency };
}
