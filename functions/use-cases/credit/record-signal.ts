import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { notFound } from '../refusal';
import { debtorSummary } from '../steps/debtor-summary';
import { accountManagerAttributes } from '../messages/account-manager-alert';

export type SignalKind = 'financial_trouble' | 'ownership_change' | 'other';

const SUBJECTS: Record<SignalKind, string> = {
  financial_trouble: 'Customer in financial trouble',
  ownership_change: 'Customer changes hands',
  other: 'News about your customer',
};

/**
 * POST /debtors/{id}/signals: a controller heard something the account manager must know now, not
 * at the policy's next step. The notice goes on `account-managers` at once, with the whole
 * account, and the signal on the debtor's timeline. The notice goes first: a request that fails
 * after it may notify twice on its repeat, which is better than a signal nobody was told about.
 */
export async function recordSignal(
  deps: { store: CreditStore; clock: Clock; notifier: Notifier },
  input: { debtorId: string; kind: SignalKind; note: string; by: string },
): Promise<{ debtorId: string; kind: SignalKind; messageId: string }> {
  const debtor = await deps.store.getDebtor(input.debtorId);
  if (!debtor) throw notFound(`Debtor ${input.debtorId} does not exist.`);
  const now = deps.clock.now();
  const actor = `user:${input.by}`;
  const summary = debtorSummary(
    debtor,
    await deps.store.listInvoicesOfDebtor(debtor.id),
    localDate(now, BUSINESS_TIME_ZONE),
  );
  const { messageId } = await deps.notifier.publish({
    topic: 'account-managers',
    subject: `${SUBJECTS[input.kind]}: ${debtor.name}`,
    message: { signal: { kind: input.kind, note: input.note, reportedBy: actor }, ...summary },
    attributes: { kind: input.kind, ...accountManagerAttributes(debtor) },
  });
  const event: TimelineEvent = {
    at: now.toISOString(),
    type: 'signal_recorded',
    actor,
    summary: `${SUBJECTS[input.kind]}: ${input.note}`,
    details: { kind: input.kind, messageId },
  };
  await deps.store.commit([{ kind: 'appendEvent', subject: { debtorId: debtor.id }, event }]);
  return { debtorId: debtor.id, kind: input.kind, messageId };
}
