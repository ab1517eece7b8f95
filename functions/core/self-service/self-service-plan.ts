import { addDays, type CalendarDate } from '../calendar/calendar-date';
import { addMonths, type ProposedInstalment } from '../plans/plan-validation';
import type { PlanRules } from '../plans/plan-rules';

/** The first instalment of a plan the debtor asks for falls two weeks on, or sooner where the policy says so. */
const DAYS_TO_FIRST_INSTALMENT = 14;

/**
 * The numbers of monthly instalments a debtor may pick on the page: at least two (one payment is
 * a promise), the last within the policy's longest term, and none below the minimum instalment.
 * Empty when even two would break a rule: the page then offers no plan.
 */
export function instalmentChoices(
  total: number,
  rules: Pick<PlanRules, 'maxPlanMonths' | 'minInstalmentAmount' | 'maxDaysToFirstInstalment'>,
): number[] {
  // The first instalment falls in the first month, so a term of N months holds N instalments.
  const byTerm = rules.maxPlanMonths;
  const byMinimum = Math.floor(total / Math.max(1, rules.minInstalmentAmount));
  const most = Math.min(byTerm, byMinimum, 60);
  const choices: number[] = [];
  for (let count = 2; count <= most; count += 1) choices.push(count);
  return choices;
}

/**
 * `count` monthly instalments that add up to `total` exactly: equal parts in cents, the cents
 * that do not divide evenly on the last one.
 */
export function monthlyInstalments(
  total: number,
  count: number,
  today: CalendarDate,
  rules: Pick<PlanRules, 'maxDaysToFirstInstalment'>,
): ProposedInstalment[] {
  const first = addDays(today, Math.min(DAYS_TO_FIRST_INSTALMENT, rules.maxDaysToFirstInstalment));
  const part = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => ({
    dueDate: addMonths(first, index),
    amount: index === count - 1 ? total - part * (count - 1) : part,
  }));
}
