import type { Tone } from '../core/dunning/dunning-slot';
import type { DebtorKind } from '../core/ledger/debtor';
import type { TextLanguage } from './letter-texts/letter-template';
import type { Addressee } from './salutation';

/** The facts a note to a colleague uses, already formatted for its language. */
export interface LetterFacts {
  debtorName: string;
  invoiceNumbers: readonly string[];
  /** Formatted total, e.g. "€ 1.234,56". */
  total: string;
  tone: Tone;
}

/** A note's own words; the layout adds the invoice table. */
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

/** The languages letters are written in (letter-texts/letter-template.ts). */
export type LetterLanguage = TextLanguage;

/**
 * What one language says around a letter's own words, which are data (letter-texts/): the
 * labels of the layout, the salutation, the addressee, the claim statement, and the phrases the
 * law fixes for the 14-day letter.
 */
export interface Wording {
  language: LetterLanguage;
  /** BCP 47 locale for dates and amounts. */
  locale: string;
  labels: Labels;
  /** How a letter to the debtor opens, by its contact person where there is one. */
  salutation(addressee: Addressee, tone: Tone): string;
  /** The addressee block above the letter: the debtor and, for a business, whom it is for. */
  addresseeLines(addressee: Addressee): string[];
  claim: ClaimWording;
  /**
   * The 14-day letter's term and the consequence of not paying in the words the law asks
   * (art. 6:96 lid 6 BW): `{{fourteenDayTerm}}` and `{{consequence}}` print them, so a template
   * cannot word them away.
   */
  fourteenDay: { term: string; consequence: string };
  /** The sentence before the link to the debtor's own page, where the self-service wording has none. */
  selfServiceSentence?: string;
}

/** The notes to colleagues (the call task, the account-manager alert): in code, Dutch or English. */
export interface NoteWording {
  callTask(facts: LetterFacts): LetterText;
  accountManagerAlert(facts: LetterFacts): LetterText;
}
