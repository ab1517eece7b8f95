import { formatMoney, type Money } from '../core/money';
import type { Tone } from '../core/dunning/dunning-slot';
import { isWebLink } from './links';

export interface SmsReminderInput {
  /** The debtor's language; anything but Dutch gets English. */
  language: string;
  tone: Tone;
  /** Who writes: a text from an unknown number must say whose invoice it is. */
  creditorName: string;
  /** The invoices the text asks for, the oldest first; their total is in `total`. */
  invoiceNumbers: readonly string[];
  total: Money;
  /** The debtor's self-service page, or the invoice's payment link; none leaves the sentence out. */
  link?: string;
}

interface Wording {
  one: (number: string, amount: string) => string;
  several: (count: number, numbers: string, amount: string) => string;
  friendly: (several: boolean) => string;
  firm: (several: boolean) => string;
  link: (url: string) => string;
  noLink: string;
}

const WORDING: Record<'nl' | 'en', Wording> = {
  nl: {
    one: (number, amount) => `factuur ${number} van ${amount}`,
    several: (count, numbers, amount) => `${count} facturen (${numbers}) van samen ${amount}`,
    friendly: (several) => `${several ? 'staan' : 'staat'} nog open. Misschien al onderweg?`,
    firm: (several) => `${several ? 'zijn' : 'is'} over de vervaldatum en nog niet betaald.`,
    link: (url) => `Betalen of regelen: ${url}`,
    noLink: 'Zie onze e-mail.',
  },
  en: {
    one: (number, amount) => `invoice ${number} for ${amount}`,
    several: (count, numbers, amount) => `${count} invoices (${numbers}) totalling ${amount}`,
    friendly: (several) => `${several ? 'are' : 'is'} still open. Already on its way?`,
    firm: (several) => `${several ? 'are' : 'is'} past the due date and still unpaid.`,
    link: (url) => `Pay or arrange: ${url}`,
    noLink: 'See our email.',
  },
};

/** At most this many invoice numbers are spelled out; the rest is "+N". */
const NUMBERS_SHOWN = 2;

/**
 * The text of an sms reminder: whose it is, the invoice number (or the first few) and the amount,
 * and the link, in as few characters as say it. Written in the GSM 7-bit alphabet (EUR, not €,
 * plain spaces), so that a text without its link fits one message; the link usually makes it two,
 * which core/sms/sms-segments.ts counts and the timeline records.
 */
export function renderSmsReminder(input: SmsReminderInput): string {
  // Texts are written in Dutch or English; the amount is written as the text's language writes it.
  const language = input.language === 'nl' ? 'nl' : 'en';
  const w = WORDING[language];
  const amount = smsMoney(input.total, language);
  const [first = '', ...rest] = input.invoiceNumbers;
  const numbers =
    input.invoiceNumbers.length > NUMBERS_SHOWN
      ? `${input.invoiceNumbers.slice(0, NUMBERS_SHOWN).join(', ')} +${input.invoiceNumbers.length - NUMBERS_SHOWN}`
      : input.invoiceNumbers.join(', ');
  const what =
    rest.length === 0 ? w.one(first, amount) : w.several(input.invoiceNumbers.length, numbers, amount);
  const state = (input.tone === 'friendly' ? w.friendly : w.firm)(rest.length > 0);
  const link = input.link && isWebLink(input.link) ? w.link(input.link) : w.noLink;
  return `${input.creditorName}: ${what} ${state} ${link}`;
}

/** "EUR 1.250,00" / "EUR 1,250.00": the euro sign costs two characters and a no-break space turns the text into UCS-2. */
function smsMoney(value: Money, language: string): string {
  return formatMoney(value, language)
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/€ ?/, 'EUR ');
}
