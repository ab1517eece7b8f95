import type { CalendarDate } from '../core/calendar/calendar-date';
import type { Tone } from '../core/dunning/dunning-slot';
import type { DebtorKind } from '../core/ledger/debtor';
import type { Claim } from '../core/legal/claim';
import type { LetterRequestKind } from '../core/legal/letter-request';
import type { Money } from '../core/money';
import type { Addressee } from './salutation';

export interface Creditor {
  name: string;
  email?: string;
  phone?: string;
  website?: string;
  /** Postal address as printed; one line per line break. */
  address?: string;
  iban?: string;
  /** Chamber of Commerce (KvK) number: on every letter and email (art. 20 Handelsregisterwet 2007). */
  kvkNumber?: string;
  vatId?: string;
}

export interface LetterInvoice {
  number: string;
  dueDate: CalendarDate;
  openAmount: Money;
  daysOverdue: number;
  /** iDEAL or card payment page; only http(s) links are printed. */
  paymentLink?: string;
  /** The part under dispute, left out of `openAmount` (what the letter asks for): the letter says so. */
  disputedAmount?: Money;
  /**
   * The invoice's own structured reference, printed as given, for paying it on its own: set when
   * the letter's payment reference is the letter's own for the total of several invoices.
   */
  reference?: string;
}

/**
 * The claim on one invoice of the letter, as GET /invoices/{id}/claim shows it (amounts in cents
 * of `figures.currency`). `interest` says whether the figures hold the statutory interest: a rate
 * that is not known yet leaves it out, and the letter says it is claimed separately.
 */
export interface LetterClaim {
  invoiceNumber: string;
  debtorKind: DebtorKind;
  interest: 'included' | 'not-charged' | 'rate-not-known';
  figures: Pick<Claim, 'asOf' | 'currency' | 'principal' | 'interest' | 'costs' | 'total'>;
}

/** Everything a letter says; one letter may list several invoices of the same debtor. */
export interface LetterInput {
  /** A TemplateId from ./catalogue. */
  template: string;
  tone: Tone;
  /** ISO 639-1; Dutch for 'nl', English for anything else. */
  language: string;
  debtor: Addressee;
  creditor: Creditor;
  invoices: LetterInvoice[];
  total: Money;
  payment?: {
    /** Structured reference (RF or betalingskenmerk), printed as given. */
    reference: string;
    /** The reference is the letter's own, for the total of its invoices (which carry their own). */
    forTotal?: boolean;
    /** The EPC QR image as a `cid:` or `data:image/` URL; anything else is left out. */
    qrPngDataUrl?: string;
  };
  /**
   * By when the letter asks to pay: the date, for a consumer the term in days after receipt, and
   * the hand-over day (with the agency's name from configuration) in a final notice before it.
   */
  demand?: {
    payBy: CalendarDate;
    termDays?: number;
    handOver?: { on: CalendarDate; agency?: string };
  };
  /**
   * What a letter stating the claim asks (core/legal/letter-request.ts): the total claim, which
   * its claim statement totals, or the principal offered as a settlement, with no claim statement.
   * Its sentences ask this amount and its QR code pays it.
   */
  request?: { kind: LetterRequestKind; amount: Money; payBy: CalendarDate };
  /** Required by the fourteen-day-letter: the end of the term and the costs due after it. */
  fourteenDayTerm?: { endsOn: CalendarDate; costs: Money };
  /** The final notice states the claim of each invoice it lists, all as of one day, in one currency. */
  claims?: LetterClaim[];
  today: CalendarDate;
  /** The debtor's self-service page (a signed link); letters to the debtor print it. */
  selfServiceUrl?: string;
}

export interface RenderedLetter {
  subject: string;
  html: string;
  text: string;
}
