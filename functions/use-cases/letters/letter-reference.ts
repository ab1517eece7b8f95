import {
  parsePaymentReference,
  type PaymentReference,
  paymentReferenceFromId,
} from '../../core/payments/payment-reference';
import type { CreditStore, LetterKey, StoreWrite } from '../../ports/credit-store';

/** Enough tries that a free reference is found; more than one is already a one-in-10^15 event. */
const ATTEMPTS = 5;

/**
 * The own structured reference of a letter that lists several invoices, for their total: in the
 * scheme of the invoices' references (RF or betalingskenmerk), made as a plan's is, from a hash of
 * what names the letter (debtor, step, currency, day), so that a retry of the letter prints the
 * same one; free of every invoice, plan and other letter. The write that stores it goes into the
 * same transaction as the letter's intent to send, so no letter goes out with a reference the
 * matching does not know.
 */
export async function referenceForLetter(
  store: CreditStore,
  letter: LetterKey,
  invoiceReference: string,
): Promise<PaymentReference> {
  const parsed = parsePaymentReference(invoiceReference);
  const scheme = parsed.valid ? parsed.reference.scheme : 'rf';
  const name = `letter\u0000${letter.debtorId}\u0000${letter.slot}\u0000${letter.currency}\u0000${letter.day}`;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const reference = paymentReferenceFromId(name, attempt, scheme);
    const owner = await store.findLetterByReference(reference.electronic);
    const taken =
      (await store.findInvoiceIdByReference(reference.electronic)) !== undefined ||
      (await store.findPlanIdByReference(reference.electronic)) !== undefined ||
      (owner !== undefined && !sameLetter(owner.letter, letter));
    if (!taken) return reference;
  }
  throw new Error(
    `no free payment reference for the ${letter.slot} letter of ${letter.day} after ${ATTEMPTS} attempts`,
  );
}

/** Stores the reference with the invoices the letter lists, the owner's first. */
export function letterReferenceWrite(
  reference: PaymentReference,
  letter: LetterKey,
  invoiceIds: readonly string[],
): StoreWrite {
  const { debtorId, slot, currency, day } = letter;
  return {
    kind: 'putLetterReference',
    reference: reference.electronic,
    letter: { debtorId, slot, currency, day },
    invoiceIds: [...invoiceIds],
  };
}

function sameLetter(a: LetterKey, b: LetterKey): boolean {
  return a.debtorId === b.debtorId && a.slot === b.slot && a.currency === b.currency && a.day === b.day;
}
