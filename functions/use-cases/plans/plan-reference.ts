import {
  parsePaymentReference,
  type PaymentReference,
  type PaymentReferenceScheme,
  paymentReferenceFromId,
} from '../../core/payments/payment-reference';
import type { CreditStore } from '../../ports/credit-store';

/** Enough tries that a free reference is found; more than one is already a one-in-10^15 event. */
const ATTEMPTS = 5;

/**
 * The plan's own structured reference, in the scheme the invoices use (RF or betalingskenmerk),
 * made as an invoice's is when its number gives none: from a hash of the plan's id, valid in its
 * scheme, and free (no invoice, letter or other plan carries it). The store writes it only where it is
 * free, so two plans racing for one cannot both get it.
 */
export async function referenceForPlan(
  store: CreditStore,
  planId: string,
  scheme: PaymentReferenceScheme,
): Promise<PaymentReference> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const reference = paymentReferenceFromId(planId, attempt, scheme);
    const taken =
      (await store.findInvoiceIdByReference(reference.electronic)) !== undefined ||
      (await store.findLetterByReference(reference.electronic)) !== undefined ||
      ((await store.findPlanIdByReference(reference.electronic)) ?? planId) !== planId;
    if (!taken) return reference;
  }
  throw new Error(`no free payment reference for plan ${planId} after ${ATTEMPTS} attempts`);
}

/** The printed form (groups of four) of a stored reference. */
export function formatPaymentReference(electronic: string): string {
  const parsed = parsePaymentReference(electronic);
  return parsed.valid ? parsed.reference.printed : electronic;
}
