import { type SegmentChoice, SEGMENT, segmentByBehaviour } from '../dunning/segment';
import type { Debtor, PaymentBehaviour } from '../ledger/debtor';
import type { PaymentHistory } from './payment-history';
import { type PaymentScore, paymentScore } from './payment-score';
import type { ScoreRules } from './score-rules';

export interface Reassessment {
  score: PaymentScore;
  behaviourSegment: NonNullable<Debtor['behaviourSegment']>;
  /** Set when the behaviour moved the debtor to another segment. */
  change?: { from: string; to: string; reason: string };
  /** The move was into the good-payer segment: the reward is offered once for it. */
  becameGoodPayer: boolean;
}

/**
 * After a fact about the debtor's payments: the score again and the segment the behaviour now
 * gives, compared with the one it gave before (`previous`, the debtor's effective segment before
 * the fact, ignoring a segment set by hand, which stays in force either way).
 */
export function reassessed(input: {
  kind: Debtor['kind'];
  previous: SegmentChoice;
  behaviour: PaymentBehaviour;
  counters: { invoicesPaid: number; invoicesPaidLate: number; totalDaysLate: number };
  history: PaymentHistory;
  rules: ScoreRules;
  /** The business day of the fact, and its instant. */
  today: string;
  at: string;
}): Reassessment {
  const { rules } = input;
  const score = paymentScore(input.counters, input.history, rules.weights, input.today, rules.version);
  const next = segmentByBehaviour(input.kind, input.behaviour, input.history.onTimeInRow, rules.segments);
  const moved = next.segment !== input.previous.segment;
  return {
    score,
    behaviourSegment: { id: next.segment, reason: next.reason, since: input.at },
    ...(moved ? { change: { from: input.previous.segment, to: next.segment, reason: next.reason } } : {}),
    becameGoodPayer: moved && next.segment === SEGMENT.businessGoodPayer,
  };
}
