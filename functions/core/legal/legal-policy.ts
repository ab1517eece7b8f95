/**
 * What the creditor has decided, per company or segment: data passed in by the caller (from
 * configuration or the admin), never constants in the rules.
 */
export interface LegalPolicy {
  /** Charge statutory interest (art. 6:119 / 6:119a BW) at all. */
  chargeInterest: boolean;
  /** Charge collection costs or the fixed compensation at all. */
  chargeCosts: boolean;
  /**
   * Business debtors: the fixed EUR 40 compensation (art. 6:96 lid 4 BW), or the WIK scale
   * where the terms agreed with the debtor allow it (art. 6:96 lid 5 BW).
   */
  businessCosts: 'fixed-compensation' | 'wik-scale';
  /** When the creditor cannot deduct VAT, VAT on the collection costs is charged on top. */
  creditorCanDeductVat: boolean;
  /** VAT rate on collection costs, e.g. 21. */
  vatRatePercent: number;
  /** Postal delivery days after posting after which a letter counts as received. */
  postalDeliveryDays: number;
  /**
   * Days an email may take to be delivered, as the 14-day letter assumes when it prints its last
   * day to pay; DEFAULT_EMAIL_DELIVERY_MARGIN_DAYS when not set (policies stored before it).
   */
  emailDeliveryMarginDays?: number;
  /**
   * What a letter that states the claim asks: the total claim, or the principal as a settlement
   * (letter-request.ts); by debtor kind when not set (policies stored before it).
   */
  letterRequest?: 'total-claim' | 'principal-settlement';
}

/**
 * SES delivers within seconds, but a receiving server may hold mail for a while; a day's margin
 * keeps the printed date from falling short of 14 days after the day after receipt.
 */
export const DEFAULT_EMAIL_DELIVERY_MARGIN_DAYS = 1;

/** Problems with a policy, in plain words; empty when the policy can be used. */
export function checkLegalPolicy(policy: LegalPolicy): string[] {
  const problems: string[] = [];
  if (!['fixed-compensation', 'wik-scale'].includes(policy.businessCosts)) {
    problems.push(`businessCosts must be 'fixed-compensation' or 'wik-scale'`);
  }
  if (!Number.isFinite(policy.vatRatePercent) || policy.vatRatePercent < 0 || policy.vatRatePercent > 100) {
    problems.push('vatRatePercent must be between 0 and 100');
  }
  if (!Number.isInteger(policy.postalDeliveryDays) || policy.postalDeliveryDays < 0) {
    problems.push('postalDeliveryDays must be a whole number of days, 0 or more');
  }
  if (
    policy.letterRequest !== undefined &&
    !['total-claim', 'principal-settlement'].includes(policy.letterRequest)
  ) {
    problems.push(`letterRequest must be 'total-claim' or 'principal-settlement'`);
  }
  const margin = policy.emailDeliveryMarginDays;
  if (margin !== undefined && (!Number.isInteger(margin) || margin < 0)) {
    problems.push('emailDeliveryMarginDays must be a whole number of days, 0 or more');
  }
  return problems;
}
