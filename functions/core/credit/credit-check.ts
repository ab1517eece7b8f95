import type { CalendarDate } from '../calendar/calendar-date';
import { formatMoney } from '../money';
import type { CreditHold } from './credit-hold';
import { type CreditReport, isReportStale } from './credit-report';

export type CreditDecision = 'approve' | 'refer' | 'decline';

/** One reason of a decision: a code for the order system and words for a person. */
export interface CreditReason {
  code:
    | 'credit_hold'
    | 'special_management'
    | 'over_credit_limit'
    | 'no_credit_limit'
    | 'no_credit_report'
    | 'credit_report_outdated'
    | 'chronic_late_payer'
    | 'above_order_authority'
    | 'within_limit';
  detail: string;
}

export interface CreditCheckFacts {
  creditHold?: CreditHold;
  /** Why the debtor is under special management (financial trouble, an insolvency), when it is. */
  specialManagement?: string;
  /** What the debtor owes now in the order's currency: open invoices, overdue or not, in cents. */
  exposure: number;
  orderAmount: number;
  currency: string;
  /** The debtor's credit limit, when one is set in the order's currency. */
  creditLimit?: number;
  latestReport?: Pick<CreditReport, 'reportDate' | 'provider'>;
  /** Why the debtor counts as a chronic late payer, when it does. */
  chronicLate?: string;
  /** The most the caller may approve on their own, in the order's currency; undefined: no limit. */
  orderAuthority?: number;
  today: CalendarDate;
}

export interface CreditCheck {
  decision: CreditDecision;
  reasons: CreditReason[];
}

/**
 * The credit check of an order: decline while the debtor is on credit hold or under special
 * management; refer to a manager
 * when the order would take the exposure over the credit limit (or there is none), when there is
 * no credit report or only one older than twelve months, when the debtor pays chronically late,
 * or when the order is above what the caller may approve; approve otherwise. Every reason that
 * applies is given, not only the first.
 */
export function checkCredit(facts: CreditCheckFacts): CreditCheck {
  const money = (amount: number) => formatMoney({ amount, currency: facts.currency }, 'en');
  if (facts.specialManagement) {
    return {
      decision: 'decline',
      reasons: [
        { code: 'special_management', detail: `under special management: ${facts.specialManagement}` },
      ],
    };
  }
  if (facts.creditHold) {
    return {
      decision: 'decline',
      reasons: [
        {
          code: 'credit_hold',
          detail: `on credit hold since ${facts.creditHold.since.slice(0, 10)}: ${facts.creditHold.reason}`,
        },
      ],
    };
  }
  const refer: CreditReason[] = [];
  const after = facts.exposure + facts.orderAmount;
  if (facts.creditLimit === undefined) {
    refer.push({ code: 'no_credit_limit', detail: `no credit limit in ${facts.currency} is set` });
  } else if (after > facts.creditLimit) {
    refer.push({
      code: 'over_credit_limit',
      detail: `${money(facts.exposure)} open plus this order of ${money(facts.orderAmount)} exceeds the credit limit of ${money(facts.creditLimit)}`,
    });
  }
  if (!facts.latestReport) {
    refer.push({ code: 'no_credit_report', detail: 'no credit report on file' });
  } else if (isReportStale(facts.latestReport, facts.today)) {
    refer.push({
      code: 'credit_report_outdated',
      detail: `the latest credit report (${facts.latestReport.provider}, ${facts.latestReport.reportDate}) is older than 12 months`,
    });
  }
  if (facts.chronicLate) refer.push({ code: 'chronic_late_payer', detail: facts.chronicLate });
  if (facts.orderAuthority !== undefined && facts.orderAmount > facts.orderAuthority) {
    refer.push({
      code: 'above_order_authority',
      detail: `an order above ${money(facts.orderAuthority)} needs a manager's decision`,
    });
  }
  if (refer.length > 0) return { decision: 'refer', reasons: refer };
  return {
    decision: 'approve',
    reasons: [
      {
        code: 'within_limit',
        detail: `${money(after)} after this order is within the credit limit of ${money(facts.creditLimit ?? 0)}`,
      },
    ],
  };
}
