import { formatMoney, type Money } from '../money';
import type { WorklistWeights } from './worklist-rules';

/** What the worklist knows of one debtor today, gathered from its open invoices, tasks and disputes. */
export interface DebtorFacts {
  /** The overdue amount in the debtor's largest currency (the one the entry shows). */
  overdue: Money;
  oldestDaysOverdue: number;
  /** The promised day of each broken promise not yet followed up. */
  brokenPromises: readonly string[];
  /** The respond-by day of each dispute still open past it. */
  overdueDisputes: readonly string[];
  failedContacts: number;
  /** How far what the debtor owes is over its credit limit, when it is. */
  overLimit?: { exposure: Money; limit: Money };
  segment: string;
  /** The debtor's payment-behaviour score (0–100); absent before the first fact about its payments. */
  score?: number;
}

export type PriorityFactor =
  | 'overdue_amount'
  | 'days_overdue'
  | 'broken_promises'
  | 'overdue_disputes'
  | 'failed_contacts'
  | 'credit_limit_exceeded'
  | 'payment_score'
  | 'segment';

export interface PriorityReason {
  factor: PriorityFactor;
  points: number;
  /** In words a controller understands: "EUR 12,400.00 overdue", "promise of 3 Nov 2026 broken". */
  detail: string;
}

/**
 * A debtor's place on the worklist: the sum of the weighted factors, each with the reason it
 * counts. Factors that add nothing are left out, so the reasons explain every point and nothing else.
 */
export function debtorPriority(
  facts: DebtorFacts,
  weights: WorklistWeights,
): { priority: number; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  const add = (factor: PriorityFactor, points: number, detail: string) => {
    const rounded = Math.round(points);
    if (rounded !== 0) reasons.push({ factor, points: rounded, detail });
  };
  if (facts.overdue.amount > 0) {
    const units = facts.overdue.amount / 100;
    add(
      'overdue_amount',
      weights.overdueAmountPerTenfold * Math.log10(1 + units),
      `${formatMoney(facts.overdue, 'en')} overdue`,
    );
  }
  const days = Math.min(weights.maxDaysCounted, Math.max(0, facts.oldestDaysOverdue));
  add('days_overdue', weights.perDayOverdue * days, `oldest invoice ${facts.oldestDaysOverdue} days overdue`);
  if (facts.brokenPromises.length > 0) {
    add(
      'broken_promises',
      weights.perBrokenPromise * facts.brokenPromises.length,
      facts.brokenPromises.map((day) => `promise of ${spokenDate(day)} broken`).join('; '),
    );
  }
  if (facts.overdueDisputes.length > 0) {
    add(
      'overdue_disputes',
      weights.perOverdueDispute * facts.overdueDisputes.length,
      facts.overdueDisputes.map((day) => `dispute unanswered since ${spokenDate(day)}`).join('; '),
    );
  }
  if (facts.failedContacts > 0) {
    add(
      'failed_contacts',
      weights.perFailedContact * facts.failedContacts,
      `not reached ${times(facts.failedContacts)}`,
    );
  }
  if (facts.overLimit) {
    const { exposure, limit } = facts.overLimit;
    add(
      'credit_limit_exceeded',
      weights.creditLimitExceeded,
      `owes ${formatMoney(exposure, 'en')}, over the credit limit of ${formatMoney(limit, 'en')}`,
    );
  }
  if (facts.score !== undefined) {
    add('payment_score', weights.lowScore * ((100 - facts.score) / 100), `payment score ${facts.score}/100`);
  }
  const segmentPoints = weights.segments[facts.segment] ?? 0;
  add('segment', segmentPoints, `segment ${facts.segment}`);
  return { priority: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-11-03 → "3 Nov 2026": how a controller says a day on the phone. */
export function spokenDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
