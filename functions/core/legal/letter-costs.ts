import { type Money, money } from '../money';
import { collectionCostsWithinStatedAmount, wikCollectionCosts } from './wik-collection-costs';

/**
 * The collection costs of one 14-day letter that lists several invoices. The letter states one
 * amount over their combined principal (art. 6:96 lid 6 BW), and that is the most that may be
 * claimed for them together: the WIK scale (with its EUR 40 minimum) is applied once, to the
 * combined principal still open when the term ended, limited to the stated amount, and the
 * result is shared over the invoices in proportion to what each still owed then. Shares are whole
 * cents that add up to the letter's amount exactly (largest remainder; a tie goes to the invoice
 * the letter lists first).
 */
export interface LetterCostsInput {
  readonly statedCosts: Money;
  /** Per invoice the letter lists, in its order: the principal still open when the term ended, in cents. */
  readonly bases: readonly { readonly invoiceId: string; readonly base: number }[];
  readonly creditorCanDeductVat: boolean;
  readonly vatRatePercent: number;
}

export interface LetterCosts {
  /** The combined principal the costs are computed on. */
  readonly principal: Money;
  readonly costs: Money;
  readonly vat: Money;
  /** The scale gave more than the letter stated: the stated amount applies. */
  readonly capped: boolean;
  readonly minimumApplied: boolean;
  readonly maximumApplied: boolean;
  readonly shares: readonly { readonly invoiceId: string; readonly costs: number; readonly vat: number }[];
}

export function letterCosts(input: LetterCostsInput): LetterCosts {
  const currency = input.statedCosts.currency;
  const combined = input.bases.reduce((total, { base }) => total + base, 0);
  const principal = money(combined, currency);
  if (combined === 0) {
    return {
      principal,
      costs: money(0, currency),
      vat: money(0, currency),
      capped: false,
      minimumApplied: false,
      maximumApplied: false,
      shares: input.bases.map(({ invoiceId }) => ({ invoiceId, costs: 0, vat: 0 })),
    };
  }
  const wik = wikCollectionCosts(principal);
  const limited = collectionCostsWithinStatedAmount(
    wik.amount,
    input.statedCosts,
    input.creditorCanDeductVat,
    input.vatRatePercent,
  );
  const vat = limited.vat;
  const weights = input.bases.map(({ base }) => base);
  const costShares = apportionByWeight(limited.costs.amount, weights);
  const vatShares = apportionByWeight(vat.amount, weights);
  return {
    principal,
    costs: limited.costs,
    vat,
    capped: limited.capped,
    minimumApplied: !limited.capped && wik.minimumApplied,
    maximumApplied: !limited.capped && wik.maximumApplied,
    shares: input.bases.map(({ invoiceId }, index) => ({
      invoiceId,
      costs: costShares[index]!,
      vat: vatShares[index]!,
    })),
  };
}

/** `total` cents in whole-cent shares proportional to `weights` (not all zero), adding up to `total`. */
export function apportionByWeight(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  if (sum === 0n) return weights.map(() => 0);
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight));
  const shares = exact.map((value) => Number(value / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}
