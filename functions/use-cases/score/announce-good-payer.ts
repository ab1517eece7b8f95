import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorRecord } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import type { Notifier } from '../../ports/notifier';
import { logger } from '../../shared/observability';
import { retryOnConflict, revised } from '../record-versions';
import { thankGoodPayer } from './thank-good-payer';

export interface GoodPayerDeps {
  store: CreditStore;
  clock: Clock;
  notifier: Notifier;
  /** Sends the thank-you email where the policy says so; without it, none is sent. */
  mailer?: Mailer;
  creditor?: { name: string };
}

/**
 * Publishes `debtor.good_payer` on `customer-rewards` for a debtor whose move into the good-payer
 * segment left its reward pending: the figures and the suggested reward, for sales or the CRM.
 * Run after each invoice paid in full; a debtor with nothing pending costs one read. One message
 * per move: the reward is marked announced (conditionally on the debtor's version) before the
 * publish, and marked pending again if SNS refuses it, so that the next paid invoice tries again.
 * The run that published it also sends the thank-you email, where the policy says so.
 */
export async function announceGoodPayer(deps: GoodPayerDeps, debtorId: string): Promise<boolean> {
  const claimed = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(debtorId);
    const reward = debtor?.goodPayerReward;
    if (!debtor || reward?.status !== 'pending') return undefined;
    const now = deps.clock.now();
    const after = revised(
      debtor,
      { goodPayerReward: { ...reward, status: 'announced', announcedAt: now.toISOString() } },
      now,
    );
    const event: TimelineEvent = {
      at: now.toISOString(),
      type: 'good_payer_announced',
      actor: 'workflow',
      summary: `Good payer: ${reward.onTimeInRow} invoices in a row paid on time, score ${reward.score}; suggested reward: ${reward.reward.description}`,
      details: { reward: reward.reward, score: reward.score, onTimeInRow: reward.onTimeInRow },
    };
    await deps.store.commit([
      { kind: 'putDebtor', debtor: after, expectedVersion: debtor.version },
      { kind: 'appendEvent', subject: { debtorId }, event, key: `good-payer#${reward.since}` },
    ]);
    return after;
  });
  if (!claimed) return false;
  try {
    await deps.notifier.publish(goodPayerMessage(claimed));
  } catch (error) {
    await retryOnConflict(async () => {
      const debtor = await deps.store.getDebtor(debtorId);
      if (debtor?.goodPayerReward?.status !== 'announced') return;
      const { announcedAt: _announcedAt, ...reward } = debtor.goodPayerReward;
      await deps.store.commit([
        {
          kind: 'putDebtor',
          debtor: revised(debtor, { goodPayerReward: { ...reward, status: 'pending' } }, deps.clock.now()),
          expectedVersion: debtor.version,
        },
      ]);
    });
    throw error;
  }
  logger.info('Good payer announced', { debtorId });
  if (deps.mailer) await thankGoodPayer({ ...deps, mailer: deps.mailer }, claimed);
  return true;
}

function goodPayerMessage(debtor: DebtorRecord) {
  const reward = debtor.goodPayerReward;
  if (!reward) throw new Error(`debtor ${debtor.id} has no reward to announce`);
  return {
    topic: 'customer-rewards' as const,
    subject: `Good payer: ${debtor.name}`,
    message: {
      type: 'debtor.good_payer',
      debtorId: debtor.id,
      name: debtor.name,
      since: reward.since,
      figures: {
        onTimeInRow: reward.onTimeInRow,
        score: reward.score,
        invoicesPaid: debtor.behaviour.invoicesPaid,
        invoicesPaidLate: debtor.behaviour.invoicesPaidLate,
        ...(debtor.creditLimit ? { creditLimit: debtor.creditLimit } : {}),
      },
      suggestedReward: reward.reward,
      scoreRulesVersion: reward.rulesVersion,
    },
    attributes: { type: 'debtor.good_payer', reward: reward.reward.kind },
  };
}
