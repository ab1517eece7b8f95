import { createHash } from 'node:crypto';
import {
  createBetalingskenmerk,
  formatBetalingskenmerk,
  normaliseBetalingskenmerk,
  validateBetalingskenmerk,
} from './betalingskenmerk';
import {
  createRfCreditorReference,
  formatRfCreditorReference,
  normaliseRfCreditorReference,
  validateRfCreditorReference,
} from './rf-creditor-reference';

/**
 * The structured payment reference on every invoice, so the bank statement matches the invoice
 * by itself: ISO 11649 RF by default, the Dutch 16-digit betalingskenmerk where configured.
 * Incoming references of either scheme are normalised (spaces, dots, case) and validated
 * before they are matched; matching compares the electronic forms.
 */
export type PaymentReferenceScheme = 'rf' | 'betalingskenmerk';

export interface PaymentReference {
  readonly scheme: PaymentReferenceScheme;
  /** What goes into the payment and the QR code: no spaces, capitals. */
  readonly electronic: string;
  /** What is printed: groups of four. */
  readonly printed: string;
}

export type PaymentReferenceParse =
  | { readonly valid: true; readonly reference: PaymentReference }
  | { readonly valid: false; readonly problem: 'empty' | 'unrecognised' | 'format' | 'checksum' };

export class PaymentReferenceError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentReferenceError';
  }
}

function rf(electronic: string): PaymentReference {
  return { scheme: 'rf', electronic, printed: formatRfCreditorReference(electronic) };
}

function kenmerk(electronic: string): PaymentReference {
  return { scheme: 'betalingskenmerk', electronic, printed: formatBetalingskenmerk(electronic) };
}

/**
 * The reference for an invoice number. Separators (space - / . _) are dropped. RF: the
 * remaining letters and digits (at most 21) are the body. Betalingskenmerk: the invoice number
 * must be digits only (at most 15) — letters are refused rather than dropped, so that two
 * invoice numbers can never share a reference.
 */
export function paymentReferenceForInvoice(
  invoiceNumber: string,
  scheme: PaymentReferenceScheme = 'rf',
): PaymentReference {
  const compact = invoiceNumber.replace(/[\s\-/._]+/g, '').toUpperCase();
  if (scheme === 'rf') {
    if (!/^[A-Z0-9]{1,21}$/.test(compact)) {
      throw new PaymentReferenceError(
        `invoice number ${JSON.stringify(invoiceNumber)} cannot be an RF reference: it needs 1 to 21 letters or digits`,
      );
    }
    return rf(createRfCreditorReference(compact));
  }
  if (!/^\d{1,15}$/.test(compact)) {
    throw new PaymentReferenceError(
      `invoice number ${JSON.stringify(invoiceNumber)} cannot be a betalingskenmerk: it needs 1 to 15 digits`,
    );
  }
  return kenmerk(createBetalingskenmerk(compact));
}

/**
 * The reference of an invoice whose number gives none (too long, or letters for a
 * betalingskenmerk) or gives one another invoice carries already. It is made from a SHA-256 hash
 * of the invoice id, so that a retry of the same invoice gets the same reference, and is valid in
 * its scheme: 21 letters and digits after RF, or 15 digits after the check digit. `attempt` gives
 * another one should even that be taken.
 */
export function paymentReferenceFromId(
  invoiceId: string,
  attempt: number,
  scheme: PaymentReferenceScheme = 'rf',
): PaymentReference {
  const digest = createHash('sha256').update(`${invoiceId}\u0000${attempt}`).digest('hex');
  const value = BigInt(`0x${digest.slice(0, 28)}`);
  if (scheme === 'rf') {
    return rf(createRfCreditorReference(value.toString(36).toUpperCase().padStart(21, '0').slice(-21)));
  }
  return kenmerk(createBetalingskenmerk((value % 10n ** 15n).toString().padStart(15, '0')));
}

/** Electronic form of a reference as typed or printed: no spaces (nor dots in digit-only input), capitals. */
export function normalisePaymentReference(input: string): string {
  const compact = normaliseRfCreditorReference(input);
  return /^[\d.]+$/.test(compact) ? normaliseBetalingskenmerk(compact) : compact;
}

/** Recognises and validates a reference of either scheme. */
export function parsePaymentReference(input: string): PaymentReferenceParse {
  const normalised = normalisePaymentReference(input);
  if (normalised === '') return { valid: false, problem: 'empty' };
  if (normalised.startsWith('RF')) {
    const result = validateRfCreditorReference(normalised);
    return result.valid ? { valid: true, reference: rf(result.reference) } : result;
  }
  if (/^\d+$/.test(normalised)) {
    const result = validateBetalingskenmerk(normalised);
    return result.valid ? { valid: true, reference: kenmerk(result.reference) } : result;
  }
  return { valid: false, problem: 'unrecognised' };
}

/**
 * Valid references found in free remittance text (banks often pass the structured reference on
 * as text): RF references, written together or in groups, and 16 digits, together or in groups.
 * Where the text runs on after a reference, readings that stop at an earlier space are tried as
 * well, so more than one candidate can be valid by chance: all are returned (longest reading first) and the caller
 * matches them against the references it issued.
 */
export function findPaymentReferences(remittanceText: string): PaymentReference[] {
  const text = remittanceText.toUpperCase();
  const found = new Map<string, PaymentReference>();
  for (const match of text.matchAll(/(?<![A-Z0-9])RF\d{2}(?: ?[A-Z0-9]){1,21}/g)) {
    // Cut only where the text has a space: a reference ends at the end of a word.
    const words = match[0].split(' ');
    for (let count = words.length; count >= 1; count--) {
      const parsed = parsePaymentReference(words.slice(0, count).join(''));
      if (parsed.valid) found.set(parsed.reference.electronic, parsed.reference);
    }
  }
  for (const match of text.matchAll(/(?<!\d)\d(?:[ .]?\d){15}(?![\d])/g)) {
    const parsed = parsePaymentReference(match[0]);
    if (parsed.valid) found.set(parsed.reference.electronic, parsed.reference);
  }
  return [...found.values()];
}

/** True when two references, as typed or printed, are the same reference. */
export function samePaymentReference(a: string, b: string): boolean {
  return normalisePaymentReference(a) === normalisePaymentReference(b);
}
