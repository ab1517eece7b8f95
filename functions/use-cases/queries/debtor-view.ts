import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { isPaused, type PauseReason } from '../../core/dunning/dunning-pause';
import { chooseSegment } from '../../core/dunning/segment';
import type { PaymentBehaviour } from '../../core/ledger/debtor';
import type { Management, SpecialManagement } from '../../core/special/special-management';
import { isCollecting } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import type { CreditReader, DebtorRecord } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { type PromiseSummary, promiseSummary } from '../promises/promise-summary';
import { notFound } from '../refusal';
import { NO_HISTORY } from '../../core/score/payment-history';
import { type PaymentScore, paymentScore } from '../../core/score/payment-score';
import { currentScoreRules } from '../score/score-rules';

export interface DebtorView {
  debtor: Omit<DebtorRecord, 'behaviour' | 'paymentHistory' | 'score'>;
  /** The cycle the debtor is in; while special, who put it there and why. */
  management: Management;
  specialManagement?: SpecialManagement;
  segment: { id: string; reason: string };
  /** Open amounts per currency, in cents. */
  balance: Record<string, number>;
  overdue: Record<string, number>;
  openInvoices: {
    id: string;
    number: string;
    currency: string;
    openAmount: number;
    dueDate: string;
    status: string;
    daysOverdue: number;
    pausedFor?: PauseReason;
    pausedUntil?: string;
  }[];
  behaviour: PaymentBehaviour;
  /** The payment-behaviour score (0 worst, 100 best) as of the debtor's last fact, with every factor. */
  score: PaymentScore;
  /** Promises to pay: how many of each status, and kept / (kept + broken), null before any was decided. */
  promises: PromiseSummary;
}

/** GET /debtors/{id}: what a controller wants at a glance before calling a debtor. */
export async function debtorView(
  deps: { store: CreditReader; clock: Clock },
  debtorId: string,
): Promise<DebtorView> {
  const record = await deps.store.getDebtor(debtorId);
  if (!record) throw notFound(`Debtor ${debtorId} does not exist.`);
  const { behaviour: counters, paymentHistory, score: stored, ...debtor } = record;
  const behaviour = behaviourOf(counters);
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const invoices = (await deps.store.listInvoicesOfDebtor(debtorId)).filter(isCollecting);
  const balance: Record<string, number> = {};
  const overdue: Record<string, number> = {};
  const openInvoices = invoices.map((i) => {
    const daysOverdue = Math.max(0, daysBetween(i.dueDate, today));
    balance[i.currency] = (balance[i.currency] ?? 0) + i.openAmount;
    if (daysOverdue > 0) overdue[i.currency] = (overdue[i.currency] ?? 0) + i.openAmount;
    return {
      id: i.id,
      number: i.number,
      currency: i.currency,
      openAmount: i.openAmount,
      dueDate: i.dueDate,
      status: i.status,
      daysOverdue,
      ...(isPaused(i.dunning)
        ? {
            pausedFor: i.dunning.pausedFor,
            ...(i.dunning.pausedUntil ? { pausedUntil: i.dunning.pausedUntil } : {}),
          }
        : {}),
    };
  });
  const segment = chooseSegment(record, behaviour);
  const management = record.management ?? 'normal';
  return {
    debtor: { ...debtor, management },
    management,
    ...(record.specialManagement ? { specialManagement: record.specialManagement } : {}),
    segment: { id: segment.segment, reason: segment.reason },
    balance,
    overdue,
    openInvoices,
    behaviour,
    // A debtor without a fact since the score came is weighed now, with the rules in force.
    score: stored ?? (await scoreNow(deps.store, counters, paymentHistory, today)),
    promises: promiseSummary(await deps.store.listPromisesOfDebtor(debtorId)),
  };
}

async function scoreNow(
  store: CreditReader,
  counters: DebtorRecord['behaviour'],
  history: DebtorRecord['paymentHistory'],
  today: string,
): Promise<PaymentScore> {
  const rules = await currentScoreRules(store);
  return paymentScore(counters, history ?? NO_HISTORY, rules.weights, today, rules.version);
}
