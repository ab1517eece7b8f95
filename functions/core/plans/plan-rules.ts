import type { DunningPolicy } from '../dunning/dunning-policy';

/** Policy versions that say nothing about payment plans read with these values. */
const DEFAULT_MAX_PLAN_MONTHS = { business: 12, consumer: 18 } as const;
const DEFAULT_MIN_INSTALMENT_CENTS = 25_00;
const DEFAULT_MAX_DAYS_TO_FIRST_INSTALMENT = 30;
const DEFAULT_INSTALMENT_REMINDER_DAYS = 3;
const DEFAULT_INSTALMENT_GRACE_DAYS = 2;

/** What a dunning policy says about payment plans, with the defaults where it says nothing. */
export interface PlanRules {
  /** The longest plan a controller may agree, in months from today to the last instalment. */
  maxPlanMonths: number;
  /** The smallest instalment, in cents of the plan's currency. */
  minInstalmentAmount: number;
  maxDaysToFirstInstalment: number;
  /** Whether statutory interest and collection costs due on the plan's first day are part of it. */
  includesInterestAndCosts: boolean;
  reminderDaysBefore: number;
  graceDays: number;
}

export function planRulesOf(policy: DunningPolicy): PlanRules {
  return {
    maxPlanMonths: policy.maxPlanMonths ?? DEFAULT_MAX_PLAN_MONTHS[policy.debtorKind],
    minInstalmentAmount: policy.minInstalmentAmount ?? DEFAULT_MIN_INSTALMENT_CENTS,
    maxDaysToFirstInstalment: policy.maxDaysToFirstInstalment ?? DEFAULT_MAX_DAYS_TO_FIRST_INSTALMENT,
    includesInterestAndCosts: policy.planIncludesInterestAndCosts ?? false,
    reminderDaysBefore: policy.instalmentReminderDays ?? DEFAULT_INSTALMENT_REMINDER_DAYS,
    graceDays: policy.instalmentGraceDays ?? DEFAULT_INSTALMENT_GRACE_DAYS,
  };
}
