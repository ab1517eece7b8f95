import type { Tone } from '../core/dunning/dunning-slot';
import type { CalendarDate } from '../core/ledger/invoice';
import type { Money } from '../core/money';

export interface Creditor {
  name: string;
  email?: string;
  phone?: string;
  website?: string;
  /** Postal address as printed; one line per line break. */
  address?: string;
  iban?: string;
}

export interface LetterInvoice {
  number: string;
  dueDate: CalendarDate;
  openAmount: Money;
  daysOverdue: number;
  /** iDEAL or card payment page; only http(s) links are printed. */
  paymentLink?: string;
}

/** Everything a letter says; one letter may list several invoices of the same debtor. */
export interface LetterInput {
  /** A TemplateId from ./catalogue. */
  template: string;
  tone: Tone;
  /** ISO 639-1; Dutch for 'nl', English for anything else. */
  language: string;
  debtor: { name: string };
  creditor: Creditor;
  invoices: LetterInvoice[];
  total: Money;
  payment?: {
    /** Structured reference (RF or betalingskenmerk), printed as given. */
    reference: string;
    /** The EPC QR image as a `cid:` or `data:image/` URL; anything else is left out. */
    qrPngDataUrl?: string;
  };
  /** Required by the fourteen-day-letter: the end of the term and the costs due after it. */
  fourteenDayTerm?: { endsOn: CalendarDate; costs: Money };
  today: CalendarDate;
}

export interface RenderedLetter {
  subject: string;
  html: string;
  text: string;
}
