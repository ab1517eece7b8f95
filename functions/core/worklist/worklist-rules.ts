/**
 * The rule that orders a controller's worklist: weights a manager approves, stored as versioned
 * data (GET and PUT /worklist/rules) like the dunning policies, so that changing what comes first
 * needs no deployment and every change is kept with who made it.
 */
export interface WorklistWeights {
  /** Points per tenfold of the overdue amount in whole currency units (a logarithmic scale). */
  overdueAmountPerTenfold: number;
  /** Points per day the oldest overdue invoice is overdue, counted up to `maxDaysCounted`. */
  perDayOverdue: number;
  maxDaysCounted: number;
  /** Points per promise to pay broken and not yet followed up. */
  perBrokenPromise: number;
  /** Points per dispute still open past its respond-by day. */
  perOverdueDispute: number;
  /** Points per failed attempt to reach the debtor since the last contact (no answer, wrong contact, a call window missed). */
  perFailedContact: number;
  /** Points when what the debtor owes us is over its credit limit. */
  creditLimitExceeded: number;
  /**
   * Points at a payment-behaviour score of 0, pro rata down to none at 100: a debtor who pays
   * badly as a rule needs a call sooner. Rules stored before it was weighed read the default.
   */
  lowScore: number;
  /** Points added (or, negative, taken off) per segment id: a chronic late payer first, say. */
  segments: Record<string, number>;
}

/** Who owns new debtors of a segment, unless someone assigns them by hand. */
export interface SegmentOwner {
  /** The controller's user id (the token's `sub`). */
  sub: string;
  email?: string;
}

export interface WorklistRules {
  version: number;
  weights: WorklistWeights;
  /** Owner of a new debtor per segment id; a segment without one leaves new debtors unowned. */
  assignment: Record<string, SegmentOwner>;
  updatedAt: string;
  /** The manager or admin who stored this version (their sub); `seed` for the defaults. */
  updatedBy: string;
}

/**
 * The defaults put the largest and the oldest arrears first, as management usually wants: each
 * tenfold of the amount weighs as much as 20 days of age (EUR 1,000 → 60, EUR 10,000 → 80), every
 * day overdue counts up to four months. A broken promise weighs more than a fivefold larger claim,
 * because a debtor who broke their word needs a call today. The payment score weighs modestly (a
 * score of 34 adds 10 points, the worst 15, less than a tenfold larger claim): it orders debtors
 * alike, it does not overrule what is overdue.
 */
export const DEFAULT_WORKLIST_RULES: WorklistRules = {
  version: 1,
  weights: {
    overdueAmountPerTenfold: 20,
    perDayOverdue: 1,
    maxDaysCounted: 120,
    perBrokenPromise: 40,
    perOverdueDispute: 15,
    perFailedContact: 10,
    creditLimitExceeded: 25,
    lowScore: 15,
    segments: { 'business-chronic-late': 10 },
  },
  assignment: {},
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'seed',
};
