import { isAtAgency } from '../../core/agency/agency-claim';
import { formatMoney } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { logger } from '../../shared/observability';
import { retryOnConflict, revised } from '../record-versions';
import { tellAgency } from './agency-messages';

export interface DirectPayment {
  invoiceId: string;
  paymentId: string;
  /** Cents the payment took off the invoice. */
  amount: number;
  currency: string;
  receivedAt: string;
}

/**
 * A payment reached us, not the agency, for a claim at the agency: the agency is told on the
 * `collection-agency` topic (so that it does not collect the money again), and the claim and the
 * invoice's timeline record that it was told. Each payment is told once; a claim the agency
 * closed, or that we recalled, is not its business any more.
 */
export async function tellAgencyOfDirectPayment(
  deps: { store: CreditStore; clock: Clock; notifier?: Notifier },
  payment: DirectPayment,
): Promise<void> {
  const claim = await deps.store.getAgencyClaim(payment.invoiceId);
  if (!claim || !isAtAgency(claim)) return;
  if (claim.directPayments.some((told) => told.paymentId === payment.paymentId)) return;
  if (!deps.notifier) {
    logger.warn('A payment on a claim at the agency was booked where the agency cannot be told', {
      invoiceId: payment.invoiceId,
      paymentId: payment.paymentId,
    });
    return;
  }
  const invoice = await deps.store.getInvoice(payment.invoiceId);
  const openAmount = invoice?.openAmount ?? 0;
  await tellAgency(deps.notifier, `Payment received directly on claim ${claim.invoiceNumber}`, {
    kind: 'payment_received_directly',
    claimId: claim.invoiceId,
    claimFileId: claim.claimFileId,
    paymentId: payment.paymentId,
    amount: payment.amount,
    currency: payment.currency,
    receivedAt: payment.receivedAt,
    openAmount,
  });
  await retryOnConflict(async () => {
    const current = await deps.store.getAgencyClaim(payment.invoiceId);
    if (!current || current.directPayments.some((told) => told.paymentId === payment.paymentId)) return;
    const now = deps.clock.now();
    const at = now.toISOString();
    const money = formatMoney({ amount: payment.amount, currency: payment.currency }, 'en');
    await deps.store.commit([
      {
        kind: 'putAgencyClaim',
        claim: revised(
          current,
          {
            directPayments: [
              ...current.directPayments,
              { paymentId: payment.paymentId, amount: payment.amount, toldAt: at },
            ],
          },
          now,
        ),
        expectedVersion: current.version,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId: payment.invoiceId },
        event: {
          at,
          type: 'agency_told_of_payment',
          actor: 'workflow',
          summary: `The collection agency was told of ${money} paid to us directly (payment ${payment.paymentId})`,
          details: { paymentId: payment.paymentId, amount: payment.amount, openAmount },
        },
      },
    ]);
  });
}
