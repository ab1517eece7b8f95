import type { LetterTemplateId } from './letter-template';

/**
 * How a placeholder is used: `value` prints text (and may open a section), `condition` only opens a
 * section, `block` stands alone as a paragraph and prints a part of the layout (a table, the QR).
 */
type PlaceholderKind = 'value' | 'condition' | 'block';

interface PlaceholderSpec {
  kind: PlaceholderKind;
  /** What it prints, for the documentation and for a refusal. */
  meaning: string;
  /** The templates where it has a value; every letter template when absent. */
  only?: readonly LetterTemplateId[];
}

const REMINDERS = [
  'payment-reminder-friendly',
  'payment-reminder-firm',
  'payment-reminder-formal',
  'payment-reminder-final',
] as const satisfies readonly LetterTemplateId[];
/** The letters that ask for payment: they print the payment links, the reference and the QR code. */
const ASKING = [...REMINDERS, 'fourteen-day-letter'] as const satisfies readonly LetterTemplateId[];
const FOURTEEN_DAY = ['fourteen-day-letter'] as const satisfies readonly LetterTemplateId[];

/**
 * The fixed set of placeholders a letter template may use (documented in README, "Letter
 * templates"). Values come formatted in the letter's language; the layouts escape them.
 */
export const PLACEHOLDERS = {
  salutation: {
    kind: 'value',
    meaning:
      'the opening line: the contact person by title and name, else a professional "Dear Sir or Madam,"',
  },
  debtorName: { kind: 'value', meaning: 'the debtor as the invoicing system names it' },
  creditorName: { kind: 'value', meaning: 'our company name' },
  invoiceNumber: { kind: 'value', meaning: 'the number of the (first) invoice of the letter' },
  invoiceNumbers: { kind: 'value', meaning: 'the numbers of all invoices of the letter, comma-separated' },
  invoiceCount: { kind: 'value', meaning: 'how many invoices the letter lists' },
  dueDate: { kind: 'value', meaning: 'the due date of the (first) invoice' },
  total: {
    kind: 'value',
    meaning: 'the amount the letter asks: the open total, or the claim or settlement it states',
  },
  today: { kind: 'value', meaning: "the letter's date" },
  payBy: {
    kind: 'value',
    meaning: 'the date by which the letter asks to pay, where the policy sets one',
    only: REMINDERS,
  },
  termDays: {
    kind: 'value',
    meaning: "a consumer's term in days after receipt, where the policy sets one",
    only: REMINDERS,
  },
  handOverDate: {
    kind: 'value',
    meaning: 'the day the claim goes to the collection agency, in a final notice before it',
    only: REMINDERS,
  },
  agency: { kind: 'value', meaning: "the collection agency's name, where configured", only: REMINDERS },
  settlementOffered: {
    kind: 'condition',
    meaning: 'set when the letter offers the principal as a settlement by a date',
    only: REMINDERS,
  },
  termEndsOn: {
    kind: 'value',
    meaning: 'the last day of the 14-day term, counted from the day after receipt',
    only: FOURTEEN_DAY,
  },
  costs: {
    kind: 'value',
    meaning: 'the collection costs due after the term (art. 6:96 lid 6 BW)',
    only: FOURTEEN_DAY,
  },
  fourteenDayTerm: {
    kind: 'value',
    meaning: 'the term in the words the law asks: 14 days, counted from the day after receipt',
    only: FOURTEEN_DAY,
  },
  consequence: {
    kind: 'value',
    meaning: 'what not paying within the term costs: collection costs besides the open amount',
    only: FOURTEEN_DAY,
  },
  reference: { kind: 'value', meaning: 'the payment reference to quote', only: ASKING },
  paymentLink: {
    kind: 'value',
    meaning: "the (first) invoice's online payment link, where there is one",
    only: ASKING,
  },
  selfServiceLink: { kind: 'value', meaning: "the debtor's own page, a signed link" },
  invoiceTable: {
    kind: 'block',
    meaning:
      'the table of invoices with due dates, amounts and the total (and the lines on parts under dispute)',
  },
  claimBlock: {
    kind: 'block',
    meaning: 'the statement of the claim (principal, interest, costs) or the settlement offered',
  },
  paymentBlock: {
    kind: 'block',
    meaning:
      'the pay buttons, the payment reference and transfer details (and the QR code unless {{qr}} stands elsewhere)',
    only: ASKING,
  },
  qr: { kind: 'block', meaning: 'the EPC QR code to scan with a banking app', only: ASKING },
  selfServiceBlock: { kind: 'block', meaning: "the sentence and link to the debtor's own page" },
} as const satisfies Record<string, PlaceholderSpec>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export type BlockName = {
  [N in PlaceholderName]: (typeof PLACEHOLDERS)[N]['kind'] extends 'block' ? N : never;
}[PlaceholderName];

export function placeholderSpec(name: string): PlaceholderSpec | undefined {
  return Object.hasOwn(PLACEHOLDERS, name)
    ? (PLACEHOLDERS as Record<string, PlaceholderSpec>)[name]
    : undefined;
}

export function isBlockName(name: string): name is BlockName {
  return placeholderSpec(name)?.kind === 'block';
}

export function availableIn(name: string, template: LetterTemplateId): boolean {
  const only = placeholderSpec(name)?.only;
  return !only || (only as readonly string[]).includes(template);
}

/**
 * What a template must keep in every language and for one invoice and several, outside any section,
 * because the law asks it. A 14-day letter without them makes no collection costs due (art. 6:96
 * lid 6 BW): the amount of the costs, the term of 14 days from the day after receipt, and what
 * follows when the debtor does not pay within it.
 */
export const REQUIRED_PLACEHOLDERS: Partial<Record<LetterTemplateId, readonly PlaceholderName[]>> = {
  'fourteen-day-letter': ['costs', 'fourteenDayTerm', 'consequence'],
};
