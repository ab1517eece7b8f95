import { parsePaymentReference } from '../../core/payments/payment-reference';

type Language = 'nl' | 'en';

/** Dutch for Dutch readers, English for everyone else, as the letters do. */
function wordsIn(language: string): Language {
  return language === 'nl' ? 'nl' : 'en';
}

const INVOICE: Record<Language, string> = { nl: 'Factuur', en: 'Invoice' };
const INVOICES: Record<Language, string> = { nl: 'Facturen', en: 'Invoices' };

/** Mollie shows at most 255 characters of a description, on its page and the bank statement. */
const MAX_DESCRIPTION = 255;

/**
 * What the debtor sees on the provider's page and the bank statement: the invoice number and its
 * structured reference, last, in its electronic form. A payment made through a payment link
 * carries the link's description, and the webhook finds the reference there (`referenceIn`).
 */
export function invoiceDescription(
  invoice: { number: string; paymentReference: string },
  language: string,
): string {
  const parsed = parsePaymentReference(invoice.paymentReference);
  const reference = parsed.valid ? parsed.reference.electronic : invoice.paymentReference;
  return `${INVOICE[wordsIn(language)]} ${invoice.number} ${reference}`.slice(-MAX_DESCRIPTION);
}

/** A checkout over several invoices names them; the metadata carries which and how much. */
export function invoicesDescription(numbers: readonly string[], language: string): string {
  const text = `${INVOICES[wordsIn(language)]} ${numbers.join(', ')}`;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The structured reference a description ends with (see `invoiceDescription`), if valid. */
export function referenceIn(description: string): string | undefined {
  const last = description.trim().split(/\s+/).pop() ?? '';
  const parsed = parsePaymentReference(last);
  return parsed.valid ? parsed.reference.electronic : undefined;
}
