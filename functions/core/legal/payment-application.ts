/**
 * Art. 6:44 lid 1 BW: a payment on a claim of principal, interest and costs goes first to the
 * costs, then to the interest that has fallen due, and only then to the principal. The creditor
 * may refuse a payment that says otherwise, so the system books every payment in this order.
 * Amounts in cents of one currency.
 */
export interface ClaimParts {
  readonly costs: number;
  readonly interest: number;
  readonly principal: number;
}

export interface AppliedPayment extends ClaimParts {
  /** What none of the parts could take (an overpayment). */
  readonly rest: number;
}

export function applyPayment(amount: number, due: ClaimParts): AppliedPayment {
  if (!Number.isInteger(amount) || amount < 0)
    throw new RangeError('a payment is a whole number of cents, 0 or more');
  const costs = Math.min(amount, Math.max(0, due.costs));
  const interest = Math.min(amount - costs, Math.max(0, due.interest));
  const principal = Math.min(amount - costs - interest, Math.max(0, due.principal));
  return { costs, interest, principal, rest: amount - costs - interest - principal };
}
