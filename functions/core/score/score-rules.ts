/**
 * How a debtor's payment-behaviour score is weighed, when a debtor counts as a good payer, when a
 * chronic late payer moves back, and what a good payer is offered: data a manager or admin
 * stores as versions (GET and PUT /settings/score-rules), like the worklist rules, so that none of
 * it needs a deployment and every change is kept with who made it.
 */
export interface ScoreWeights {
  /** Points at 100% of the paid invoices paid on time (pro rata below). */
  paidOnTime: number;
  /** Points at 0 days late on average, weighted by amount; nothing at `daysLateForNothing` or more. */
  daysLate: number;
  daysLateForNothing: number;
  /** Points at 100% paid on time over the last six months (pro rata below). */
  trend: number;
  /** Points taken off per promise to pay broken. */
  perBrokenPromise: number;
  /** Points taken off per dispute resolved against the debtor (rejected). */
  perDisputeLost: number;
  /** Points taken off per payment plan broken. */
  perPlanBroken: number;
}

export interface SegmentThresholds {
  /** Invoices in a row paid on time after which a business debtor is a good payer. */
  goodPayerOnTimeInRow: number;
  /** Invoices in a row paid on time after which a chronic late payer moves back to the standard segment. */
  chronicMovesBackOnTimeInRow: number;
}

/** What sales or the CRM is told to offer a new good payer. */
export type SuggestedReward =
  | { kind: 'discount'; percent: number; description: string }
  | { kind: 'credit_limit'; percent: number; description: string };

export interface ScoreRules {
  version: number;
  weights: ScoreWeights;
  segments: SegmentThresholds;
  reward: SuggestedReward;
  updatedAt: string;
  /** The manager or admin who stored this version (their sub); `seed` for the defaults. */
  updatedBy: string;
}

/**
 * The defaults: paying on time weighs most (45), then how late (35 points at no days late, none
 * at a month late on average), then the last six months (20), so that a perfect payer scores
 * 100. A broken plan weighs more than a broken promise, which weighs more than a lost dispute.
 */
export const DEFAULT_SCORE_RULES: ScoreRules = {
  version: 1,
  weights: {
    paidOnTime: 45,
    daysLate: 35,
    daysLateForNothing: 30,
    trend: 20,
    perBrokenPromise: 10,
    perDisputeLost: 5,
    perPlanBroken: 15,
  },
  segments: { goodPayerOnTimeInRow: 10, chronicMovesBackOnTimeInRow: 5 },
  reward: { kind: 'discount', percent: 2, description: '2% discount on the next order' },
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'seed',
};
