import type { Notifier } from '../../ports/notifier';
import type { ClaimFile } from './claim-file';

/** A payment for a claim at the agency reached us, not the agency: it must not be collected twice. */
export interface PaymentReceivedDirectly {
  kind: 'payment_received_directly';
  claimId: string;
  claimFileId: string;
  paymentId: string;
  /** Cents booked on the claim's invoice, and what is still open on it after them. */
  amount: number;
  currency: string;
  receivedAt: string;
  openAmount: number;
}

/** We took the claim back: the agency stops collecting it. */
export interface ClaimRecalled {
  kind: 'claim_recalled';
  claimId: string;
  claimFileId: string;
  recalledAt: string;
  reason: string;
}

/** What the `collection-agency` topic carries; the attribute `kind` lets the agency filter. */
export type AgencyMessage = ClaimFile | PaymentReceivedDirectly | ClaimRecalled;

/**
 * Publishes one message to the agency. Each names its claim, and the agency keeps one of each per
 * claim (and payment): a message published again after a retry changes nothing there.
 */
export async function tellAgency(notifier: Notifier, subject: string, message: AgencyMessage): Promise<void> {
  await notifier.publish({
    topic: 'collection-agency',
    subject,
    message,
    attributes: { claimId: message.claimId, claimFileId: message.claimFileId, kind: message.kind },
  });
}
