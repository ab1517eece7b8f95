import { formatMoney } from '../../core/money';
import type { Clock } from '../../ports/clock';
import type { CreditStore, DisputeRecord } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { logger } from '../../shared/observability';
import { renderDisputeAnswer } from '../../templates/dispute-answer';

/**
 * Tells the debtor that its dispute was rejected or recorded as withdrawn, and that the invoice
 * stands, then records the email on the invoice's timeline. Sent after the resolution is
 * committed, once per resolution (a dispute is resolved once); a lost email is logged rather than
 * undoing the resolution, and a debtor without an email address gets none.
 */
export async function tellDebtorDisputeAnswered(
  deps: { store: CreditStore; clock: Clock; mailer: Mailer },
  dispute: DisputeRecord,
): Promise<void> {
  const outcome = dispute.resolution?.outcome;
  if (outcome !== 'rejected' && outcome !== 'withdrawn') return;
  const invoice = await deps.store.getInvoice(dispute.invoiceId);
  const debtor = await deps.store.getDebtor(dispute.debtorId);
  if (!invoice || !debtor?.email) return;
  const email = renderDisputeAnswer({
    language: debtor.language,
    debtorName: debtor.name,
    invoiceNumber: invoice.number,
    openAmount: formatMoney({ amount: invoice.openAmount, currency: invoice.currency }, debtor.language),
    outcome,
  });
  try {
    const { messageId } = await deps.mailer.send({ to: debtor.email, ...email });
    await deps.store.commit([
      {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at: deps.clock.now().toISOString(),
          type: 'email_sent',
          actor: dispute.resolution?.by ?? 'unknown',
          summary: `Email "${email.subject}" sent to the debtor: the dispute was ${outcome} and the invoice stands`,
          details: { disputeId: dispute.id, messageId, to: debtor.email },
        },
      },
    ]);
  } catch (error) {
    logger.error('The answer to the dispute could not be emailed to the debtor', {
      disputeId: dispute.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
