import type { Tone } from '../core/dunning/dunning-slot';
import type { DebtorKind } from '../core/ledger/debtor';
import type { Addressee } from './salutation';

/** The facts a letter's sentences use, already formatted for the letter's language. */
export interface LetterFacts {
  debtorName: string;
  creditorName: string;
  invoiceNumbers: readonly string[];
  /** Formatted total, e.g. "€ 1.234,56". */
  total: string;
  tone: Tone;
  /** The opening line, e.g. "Geachte heer De Graaf," or "Geachte heer, mevrouw,". */
  salutation: string;
  /** What the demand asks by when, formatted; every letter that asks for payment has one. */
  demand?: {
    payBy: string;
    /** Stated to a consumer: "binnen 14 dagen na ontvangst, uiterlijk …". */
    termDays?: number;
    /** The day of the hand-over, and to whom, when the letter is the final notice before it. */
    handOver?: { on: string; agency?: string };
  };
  /** The letter offers a settlement by the demand's date, and that sentence names the date once. */
  offerNamesPayBy?: boolean;
}

export interface FourteenDayFacts extends LetterFacts {
  /** Formatted last day of the term, e.g. "17 maart 2026". */
  termEndsOn: string;
  /** Formatted collection costs due after the term. */
  costs: string;
}

/** A letter's own words; the layout adds the invoice table, payment block and footer. */
export interface LetterText {
  subject: string;
  greeting: string;
  /** Paragraphs above the invoice table. */
  intro: string[];
  /** Paragraphs below the table and the payment block. */
  closing: string[];
}

export interface Labels {
  date: string;
  invoiceNumber: string;
  dueDate: string;
  openAmount: string;
  daysOverdue: string;
  daysOverdueCount(days: number): string;
  total: string;
  payInvoice(invoiceNumber: string): string;
  reference: string;
  /** The label of the letter's own reference, for the total of several invoices. */
  referenceForTotal: string;
  /** How to pay one invoice of several on its own: with that invoice's reference. */
  payOneByOne: string;
  transfer(iban: string, creditorName: string): string;
  scanQr: string;
  signOff: string;
  email: string;
  phone: string;
  website: string;
  iban: string;
  /** Chamber of Commerce number (art. 20 Handelsregisterwet 2007). */
  kvk: string;
  vatId: string;
}

/** The words of the claim a final notice states; amounts and dates come formatted. */
export interface ClaimWording {
  heading(date: string): string;
  principal: string;
  /** Commercial interest between businesses, the consumer rate otherwise. */
  interest: Record<DebtorKind, string>;
  period(ratePercent: string, from: string, to: string, days: number): string;
  /** A period's line when the letter lists several invoices. */
  ofInvoice(invoiceNumber: string, line: string): string;
  costs: Record<'fixed-compensation' | 'wik-scale', string>;
  vat: string;
  total: string;
  notYetDue: string;
  interestContinues: Record<DebtorKind, string>;
  interestClaimedSeparately: Record<DebtorKind, string>;
  /** The principal offered as a settlement, by a date, waiving interest and costs. */
  settlementOffer(amount: string, date: string): string;
}

/** Everything one language says, per template. */
export interface Wording {
  language: 'nl' | 'en';
  /** BCP 47 locale for dates. */
  locale: string;
  labels: Labels;
  /** How a letter to the debtor opens, by its contact person where there is one. */
  salutation(addressee: Addressee, tone: Tone): string;
  /** The addressee block above the letter: the debtor and, for a business, whom it is for. */
  addresseeLines(addressee: Addressee): string[];
  claim: ClaimWording;
  paymentReminder: Record<Tone, (facts: LetterFacts) => LetterText>;
  fourteenDayLetter(facts: FourteenDayFacts): LetterText;
  collectionAgencyHandover(facts: LetterFacts): LetterText;
  callTask(facts: LetterFacts): LetterText;
  accountManagerAlert(facts: LetterFacts): LetterText;
  /** The stuitingsbrief: reserves the right to payment so that the limitation period starts again. */
  interruptionLetter(facts: LetterFacts): LetterText;
}
