import type { CalendarDate } from '../core/calendar/calendar-date';
import type { Money } from '../core/money';
import type { Creditor } from './letter-input';
import type { BlockName } from './letter-texts/placeholders';
import type { Labels, LetterLanguage } from './wording';

/**
 * A letter with every value formatted for its language, not yet escaped: the one model from
 * which the HTML and the plain-text layouts are drawn, so that both say the same.
 */
export interface LetterDocument {
  language: LetterLanguage;
  labels: Labels;
  words: LetterWordsRendered;
  /** The lines on invoices disputed in part, printed above the invoice table. */
  disputed?: string[];
  /** The addressee block of a letter to the debtor; absent in notes to colleagues. */
  addressee?: string[];
  date: string;
  invoices: {
    number: string;
    dueDate: string;
    openAmount: string;
    daysOverdue: number;
    /** Only a checked web link, and only in letters that ask for payment. */
    paymentLink?: string;
    /** Its own reference, for paying it on its own; only in letters that ask for payment. */
    reference?: string;
  }[];
  total: string;
  /** The final notice's statement of the claim. */
  claim?: ClaimBlock;
  /** The settlement a letter offers instead of stating the claim. */
  offer?: string;
  /** Only in letters that ask for payment and when a reference was given. */
  payment?: {
    reference: string;
    /** The reference pays the total; each invoice's own pays that invoice (`oneByOne` says so). */
    forTotal?: { oneByOne: string };
    transfer?: string;
    qrImage?: string;
  };
  /** Signs and heads the footer of letters to the debtor; absent in notes to colleagues. */
  creditor?: Creditor;
  /** The debtor's self-service page (templates/self-service/letter-link.ts). */
  selfServiceUrl?: string;
  /** The sentence before that link, in a language the self-service wording does not speak. */
  selfServiceSentence?: string;
}

/** A paragraph of the letter's own words, or a block of the layout standing where the template put it. */
export type BodyPart = { text: string } | { block: BlockName };

/** The letter's own words with every placeholder filled in. */
export interface LetterWordsRendered {
  subject: string;
  body: BodyPart[];
}

/** What the debtor owes besides the open amounts, one row per part, with the notes that explain it. */
export interface ClaimBlock {
  heading: string;
  rows: { label: string; amount: string; details: string[] }[];
  total: { label: string; amount: string };
  notes: string[];
}

export function formatCalendarDate(date: CalendarDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An amount as a reader of `locale` writes it: "€ 1.234,56", "€1,234.56", "1.234,56 €". */
export function formatAmount(value: Money, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.amount / 100,
  );
}
