import { addDays, type CalendarDate } from '../calendar/calendar-date';
import { formatMoney } from '../money';
import type { PlanRules } from './plan-rules';

export interface ProposedInstalment {
  dueDate: CalendarDate;
  amount: number;
}

export interface PlanIssue {
  /** The request's field: `instalments`, `instalments.2.dueDate`. */
  path: string;
  message: string;
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * What is wrong with a schedule as asked, each problem naming its field: at least two
 * instalments, dates strictly ascending and the first within the policy's days, every amount
 * positive and at least the minimum instalment, and together exactly `total` (the open amounts
 * of the invoices, or their claim when interest and costs are part of the plan).
 */
export function planIssues(input: {
  instalments: readonly ProposedInstalment[];
  total: number;
  currency: string;
  today: CalendarDate;
  rules: Pick<PlanRules, 'minInstalmentAmount' | 'maxDaysToFirstInstalment'>;
  /**
   * A manager's change to an active plan: the new instalments replace those not yet paid, so one
   * may do, each must fall after `after` (the last one paid), and the first may be further ahead.
   */
  amending?: { after?: CalendarDate };
}): PlanIssue[] {
  const { instalments, rules, amending } = input;
  const money = (amount: number) => formatMoney({ amount, currency: input.currency }, 'en');
  const issues: PlanIssue[] = [];
  if (amending && instalments.length < 1) {
    issues.push({ path: 'instalments', message: 'name at least one instalment for what is still to pay' });
  } else if (!amending && instalments.length < 2) {
    issues.push({
      path: 'instalments',
      message: 'a payment plan has at least 2 instalments; one payment by a date is a promise to pay',
    });
  }
  const firstLatest = addDays(input.today, rules.maxDaysToFirstInstalment);
  instalments.forEach((instalment, index) => {
    const previous = instalments[index - 1];
    if (index === 0 && instalment.dueDate < input.today) {
      issues.push({
        path: 'instalments.0.dueDate',
        message: `the first instalment must not be dated before today (${input.today})`,
      });
    } else if (index === 0 && amending?.after !== undefined && instalment.dueDate <= amending.after) {
      issues.push({
        path: 'instalments.0.dueDate',
        message: `the first new instalment must fall after ${amending.after}, the date of the last one paid`,
      });
    } else if (index === 0 && !amending && instalment.dueDate > firstLatest) {
      issues.push({
        path: 'instalments.0.dueDate',
        message: `the first instalment must fall within ${rules.maxDaysToFirstInstalment} days (by ${firstLatest}): maxDaysToFirstInstalment of the dunning policy`,
      });
    }
    if (previous && instalment.dueDate <= previous.dueDate) {
      issues.push({
        path: `instalments.${index}.dueDate`,
        message: `dates must be strictly ascending: ${instalment.dueDate} is not after ${previous.dueDate}`,
      });
    }
    if (instalment.amount <= 0) {
      issues.push({ path: `instalments.${index}.amount`, message: 'amount must be positive' });
    } else if (instalment.amount < rules.minInstalmentAmount) {
      issues.push({
        path: `instalments.${index}.amount`,
        message: `amount must be at least the minimum instalment of ${money(rules.minInstalmentAmount)} (minInstalmentAmount of the dunning policy)`,
      });
    }
  });
  const sum = instalments.reduce((total, instalment) => total + instalment.amount, 0);
  if (instalments.length > 0 && sum !== input.total) {
    issues.push({
      path: 'instalments',
      message: `the instalments add up to ${money(sum)}, not to the ${money(input.total)} the plan covers`,
    });
  }
  return issues;
}

/**
 * Why only a manager may agree this plan, or nothing: a term longer than the policy's longest,
 * or a debtor who broke a plan in the last 12 months (a plan is a one-time arrangement).
 */
export function needsManager(input: {
  lastDueDate: CalendarDate | undefined;
  today: CalendarDate;
  maxPlanMonths: number;
  brokeAPlanRecently: boolean;
}): string[] {
  const reasons: string[] = [];
  const latest = addMonths(input.today, input.maxPlanMonths);
  if (input.lastDueDate !== undefined && input.lastDueDate > latest) {
    reasons.push(
      `instalments: the last instalment on ${input.lastDueDate} is beyond the longest term of ${input.maxPlanMonths} months (${latest}, maxPlanMonths of the dunning policy)`,
    );
  }
  if (input.brokeAPlanRecently) {
    reasons.push('the debtor broke a payment plan in the last 12 months: a plan is a one-time arrangement');
  }
  return reasons;
}
