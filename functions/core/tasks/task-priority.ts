import type { Money } from '../../core/money';

/** Beyond four months the chance of collecting no longer drops much faster with each day. */
const MAX_DAYS_COUNTED = 120;

/**
 * The order of a controller's daily list, higher first: large arrears and old arrears first.
 * The amount counts on a log scale (20 points per tenfold: € 100 → 40, € 1.000 → 60,
 * € 10.000 → 80), because a claim ten times larger is more urgent but not ten times more; each
 * day overdue adds a point (up to 120), because the chance of being paid falls with every week a
 * claim ages. So € 1.000 at 60 days (120) comes before € 10.000 at 10 days (90), and both before
 * € 100 at 30 days (70).
 */
export function taskPriority(openAmount: Money, daysOverdue: number): number {
  const units = Math.max(0, openAmount.amount) / 100;
  const amountPoints = 20 * Math.log10(1 + units);
  return Math.round(amountPoints + Math.min(MAX_DAYS_COUNTED, Math.max(0, daysOverdue)));
}
