import { formatMoney } from '../../core/money';
import type { Clock } from '../../ports/clock';
import { invoicesStillDisputed } from '../../core/disputes/dispute';
import type { CreditStore, DisputeRecord, InvoiceRecord } from '../../ports/credit-store';
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
  const invoices: InvoiceRecord[] = [];
  for (const id of invoicesStillDisputed(dispute)) {
    const invoice = await deps.store.getInvoice(id);
    if (invoice) invoices.push(invoice);
  }
  const debtor = await deps.store.getDebtor(dispute.debtorId);
  const [first] = invoices;
  if (!first || !debtor?.email) return;
  const openAmount = invoices.reduce((total, invoice) => total + invoice.openAmount, 0);
  const email = renderDisputeAnswer({
    language: debtor.language,
    debtorName: debtor.name,
    invoiceNumber: invoices.map((invoice) => invoice.number).join(', '),
    openAmount: formatMoney({ amount: openAmount, currency: first.currency }, debtor.language),
    outcome,
  });
  try {
    const { messageId } = await deps.mailer.send({ to: debtor.email, ...email });
    await deps.store.commit(
      invoices.map((invoice) => ({
        kind: 'appendEvent' as const,
        subject: { invoiceId: invoice.id },
        event: {
          at: deps.clock.now().toISOString(),
          type: 'email_sent' as const,
          actor: dispute.resolution?.by ?? 'unknown',
          summary: `Email "${email.subject}" sent to the debtor: the dispute was ${outcome} and the invoice stands`,
          details: { disputeId: dispute.id, messageId, to: debtor.email },
        },
      })),
    );
  } catch (error) {
    logger.error('The answer to the dispute could not be emailed to the debtor', {
      disputeId: dispute.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
