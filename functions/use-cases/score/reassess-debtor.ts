import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { chooseSegment } from '../../core/dunning/segment';
import type { TimelineEvent } from '../../core/ledger/timeline';
import {
  type AdverseFact,
  historyWithAdverse,
  historyWithPayment,
  NO_HISTORY,
  type PaymentHistory,
} from '../../core/score/payment-history';
import { reassessed } from '../../core/score/reassessment';
import type { BehaviourCounters, CreditStore, DebtorRecord, StoreWrite } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { revised } from '../record-versions';
import { currentScoreRules } from './score-rules';

/** An invoice paid in full: its due date, the business day the money arrived, and its total in cents. */
export interface PaidInvoice {
  dueDate: string;
  paidOn: string;
  amount: number;
}

const ACTOR = 'workflow';

/**
 * The debtor's fields after facts about its payments, and the timeline entry of a segment move:
 * written in the same transaction as the facts. Bounded work: the counters, six months of tallies
 * and one read of the score rules. A move into the good-payer segment leaves the reward pending
 * (`goodPayerReward`), which `announceGoodPayer` publishes once after the commit.
 */
async function reassessedFields(
  store: CreditStore,
  debtor: DebtorRecord,
  behaviour: BehaviourCounters,
  history: PaymentHistory,
  at: Date,
): Promise<{ fields: Partial<DebtorRecord>; writes: StoreWrite[] }> {
  const rules = await currentScoreRules(store);
  const previous = chooseSegment(
    { kind: debtor.kind, behaviourSegment: debtor.behaviourSegment },
    behaviourOf(debtor.behaviour),
  );
  const result = reassessed({
    kind: debtor.kind,
    previous,
    behaviour: behaviourOf(behaviour),
    counters: behaviour,
    history,
    rules,
    today: localDate(at, BUSINESS_TIME_ZONE),
    at: at.toISOString(),
  });
  const fields: Partial<DebtorRecord> = {
    behaviour,
    paymentHistory: history,
    score: result.score,
    behaviourSegment: result.change
      ? result.behaviourSegment
      : (debtor.behaviourSegment ?? result.behaviourSegment),
    ...(result.becameGoodPayer
      ? {
          goodPayerReward: {
            status: 'pending',
            since: at.toISOString(),
            onTimeInRow: history.onTimeInRow,
            score: result.score.value,
            rulesVersion: rules.version,
            reward: rules.reward,
          },
        }
      : {}),
  };
  if (!result.change) return { fields, writes: [] };
  const byHand = debtor.segmentOverride
    ? ` (the segment set by hand, ${debtor.segmentOverride}, still applies)`
    : '';
  const event: TimelineEvent = {
    at: at.toISOString(),
    type: 'segment_changed',
    actor: ACTOR,
    summary: `Segment ${result.change.from} → ${result.change.to}: ${result.change.reason}${byHand}`,
    details: { ...result.change, score: result.score.value },
  };
  return { fields, writes: [{ kind: 'appendEvent', subject: { debtorId: debtor.id }, event }] };
}

/**
 * After invoices of the debtor were paid in full: the behaviour counters the caller counted, the
 * score's history, the score and the segment. Without an invoice paid, only the counters.
 */
export async function reassessedAfterPayments(
  store: CreditStore,
  debtor: DebtorRecord,
  behaviour: BehaviourCounters,
  paid: readonly PaidInvoice[],
  at: Date,
): Promise<{ fields: Partial<DebtorRecord>; writes: StoreWrite[] }> {
  if (paid.length === 0) return { fields: { behaviour }, writes: [] };
  const history = paid.reduce(historyWithPayment, debtor.paymentHistory ?? NO_HISTORY);
  return reassessedFields(store, debtor, behaviour, history, at);
}

/**
 * A fact against the debtor (a broken promise, a dispute rejected, a broken plan): the debtor's
 * new version and the timeline entry of a segment move, for the transaction that records the fact.
 */
export async function adverseFactWrites(
  store: CreditStore,
  debtorId: string,
  fact: AdverseFact,
  at: Date,
): Promise<StoreWrite[]> {
  const debtor = await store.getDebtor(debtorId);
  if (!debtor) return [];
  const history = historyWithAdverse(debtor.paymentHistory ?? NO_HISTORY, fact);
  const { fields, writes } = await reassessedFields(store, debtor, debtor.behaviour, history, at);
  return [
    { kind: 'putDebtor', debtor: revised(debtor, fields, at), expectedVersion: debtor.version },
    ...writes,
  ];
}

/** After an escalation counted on the debtor (the account-manager step): the chronic-late rule may now hold. */
export async function reassessedAfterEscalation(
  store: CreditStore,
  debtor: DebtorRecord,
  behaviour: BehaviourCounters,
  at: Date,
): Promise<{ fields: Partial<DebtorRecord>; writes: StoreWrite[] }> {
  return reassessedFields(store, debtor, behaviour, debtor.paymentHistory ?? NO_HISTORY, at);
}
