import { SEGMENT } from '../../core/dunning/segment';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorRecord } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { logger } from '../../shared/observability';
import { renderGoodPayerThanks } from '../../templates/good-payer-thanks';
import { policyFor } from '../policies/policy-catalogue';

export interface ThanksDeps {
  store: CreditStore;
  clock: Clock;
  mailer: Mailer;
  creditor?: { name: string };
}

/**
 * The short thank-you email to a debtor who just became a good payer, when the good-payer
 * segment's policy says so (`thankGoodPayers`, off by default). Called once per move into the
 * segment, by the one run that claimed the move's announcement; a failed send is logged and left,
 * as a thank-you is not worth a second message. Sent or not, it is on the debtor's timeline.
 */
export async function thankGoodPayer(deps: ThanksDeps, debtor: DebtorRecord): Promise<void> {
  const reward = debtor.goodPayerReward;
  const policy = await policyFor(deps.store, SEGMENT.businessGoodPayer);
  if (!reward || !policy?.thankGoodPayers || !debtor.email) return;
  const email = renderGoodPayerThanks({
    language: debtor.language,
    debtorName: debtor.name,
    onTimeInRow: reward.onTimeInRow,
    ...(deps.creditor ? { creditorName: deps.creditor.name } : {}),
  });
  try {
    const { messageId } = await deps.mailer.send({ to: debtor.email, ...email });
    const event: TimelineEvent = {
      at: deps.clock.now().toISOString(),
      type: 'email_sent',
      actor: 'workflow',
      summary: `Email "${email.subject}" sent to the debtor: thanks for ${reward.onTimeInRow} invoices in a row paid on time`,
      details: { messageId, to: debtor.email, policyId: policy.id, policyVersion: policy.version },
    };
    await deps.store.commit([
      {
        kind: 'appendEvent',
        subject: { debtorId: debtor.id },
        event,
        key: `good-payer-thanks#${reward.since}`,
      },
    ]);
  } catch (error) {
    logger.error('The thank-you email to a new good payer could not be sent', {
      debtorId: debtor.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
