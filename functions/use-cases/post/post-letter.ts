import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { Address, Debtor } from '../../core/ledger/debtor';
import type { LetterRecord } from '../../ports/credit-store';
import type { LetterPrinter } from '../../ports/letter-printer';
import type { CreditorDetails } from '../../shared/creditor';
import type { ComposedLetter } from '../letters/compose-letter';
import { pdfKeyOf, postedLetterId } from './posted-letter-id';

/**
 * What a letter by post needs: the printer, which renders the PDF, stores it and puts the order
 * on the print queue (in AWS a function of its own, which keeps pdf-lib and the S3 client out of
 * the letter-sending function: docs/benchmarks.md).
 */
export interface PostDeps {
  printer: LetterPrinter;
}

/** The message on `print-queue`: what the print-and-mail service prints, for whom, how and by when. */
export interface PrintOrder {
  /** Quoted back with the delivery of a registered letter (POST /letters/{id}/delivery). */
  letterId: string;
  /** The PDF in the printed-letters bucket. */
  pdfKey: string;
  registered: boolean;
  address: { name: string; contact?: string } & Address;
  /**
   * The day the letter must be handed to the post: the day it is dated, from which the 14-day
   * letter's printed last day to pay counts the postal delivery days.
   */
  postBy: CalendarDate;
  invoiceIds: string[];
}

/** The one-line address a letter by post records as its recipient; none when the debtor has no address. */
export function postalRecipient(debtor: Pick<Debtor, 'name' | 'address'>): string | undefined {
  const { address } = debtor;
  if (!address) return undefined;
  return [debtor.name, address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country]
    .filter(Boolean)
    .join(', ');
}

/** How the letter's record names its posting before it goes: its PDF and whether it is registered. */
export function postingOf(
  letter: LetterRecord,
  registered: boolean,
): { pdfKey: string; registered: boolean } {
  return { pdfKey: pdfKeyOf(letter), registered };
}

/**
 * Hands the letter as composed for the email (the same words and QR code) to the printer, which
 * renders it into a PDF, stores it and puts the print order on `print-queue`, and answers when
 * all is done. The PDF's key and the order's id follow from the letter, so a retry stores the
 * same object and repeats the same order, which the print-and-mail service recognises by its
 * `letterId`. Answers the letter's id, which the letter's record keeps as its message id.
 */
export async function postLetter(
  deps: PostDeps,
  input: {
    letter: LetterRecord;
    debtor: Pick<Debtor, 'name' | 'contact' | 'address' | 'language'>;
    composed: ComposedLetter;
    creditor: CreditorDetails;
    registered: boolean;
  },
): Promise<{ messageId: string }> {
  const { letter, composed, creditor } = input;
  const { address } = input.debtor;
  if (!address) throw new Error(`debtor of letter ${postedLetterId(letter)} has no postal address`);
  const debtor = { ...input.debtor, address };
  const letterId = postedLetterId(letter);
  const pdfKey = pdfKeyOf(letter);
  const qrPng = composed.email.inlineImages?.[0]?.content;
  const order: PrintOrder = {
    letterId,
    pdfKey,
    registered: input.registered,
    address: {
      name: debtor.name,
      ...(debtor.contact ? { contact: debtor.contact.name } : {}),
      ...debtor.address,
    },
    postBy: letter.day,
    invoiceIds: letter.invoiceIds,
  };
  await deps.printer.print({
    pdfKey,
    page: {
      returnAddress: [creditor.name, creditor.address].filter(Boolean).join(', '),
      addressLines: addressLines(debtor),
      subject: composed.email.subject,
      text: composed.email.text,
      ...(qrPng ? { qrPngBase64: qrPng.toString('base64') } : {}),
      day: letter.day,
    },
    order,
  });
  return { messageId: letterId };
}

/** The recipient as the post reads it: the debtor, to the attention of the contact person, and the address. */
function addressLines(
  debtor: Pick<Debtor, 'name' | 'contact' | 'language'> & { address: Address },
): string[] {
  const { address } = debtor;
  return [
    debtor.name,
    ...(debtor.contact ? [`${ATTENTION_OF[debtor.language] ?? ATTENTION_OF.en} ${debtor.contact.name}`] : []),
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.postalCode}  ${address.city}`,
    ...(address.country === 'NL' ? [] : [countryLine(address.country)]),
  ];
}

/** "For the attention of", as an address line reads in the debtor's language. */
const ATTENTION_OF: Record<string, string> = {
  nl: 't.a.v.',
  en: 'Attn.',
  de: 'z. Hd.',
  fr: "À l'attention de",
};

/** Abroad, the country is the last line, in capitals (UPU); its ISO code is what the debtor record holds. */
function countryLine(country: string): string {
  try {
    return (new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country).toUpperCase();
  } catch {
    return country.toUpperCase();
  }
}
