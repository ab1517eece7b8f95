import { type Money, money, roundHalfUp } from '../money';
import { fraction, fractionFromDecimal, multiplyFractions, roundHalfUpFraction } from './exact-fraction';

/**
 * Extrajudicial collection costs (buitengerechtelijke incassokosten), art. 6:96 BW and the
 * Besluit vergoeding voor buitengerechtelijke incassokosten (Besluit BIK), art. 2: a sliding
 * scale over the principal, at least EUR 40 and at most EUR 6,775. The scale is fixed in the
 * decree (in force since 2012-07-01), so it is kept here as data with its source.
 */
export interface WikBand {
  /** Size of the band in cents; null for the rest. */
  readonly sizeCents: number | null;
  /** Per mille, so 0.5% stays an integer. */
  readonly perMille: number;
}

const WIK_SCALE: readonly WikBand[] = [
  { sizeCents: 250_000, perMille: 150 }, // 15% over the first EUR 2,500
  { sizeCents: 250_000, perMille: 100 }, // 10% over the next EUR 2,500
  { sizeCents: 500_000, perMille: 50 }, // 5% over the next EUR 5,000
  { sizeCents: 19_000_000, perMille: 10 }, // 1% over the next EUR 190,000
  { sizeCents: null, perMille: 5 }, // 0.5% over the rest
];
export const WIK_MINIMUM_CENTS = 4_000;
export const WIK_MAXIMUM_CENTS = 677_500;

/** Art. 6:96 lid 4 BW (art. 6 Directive 2011/7/EU): a fixed EUR 40 per invoice between businesses. */
export const EU_FIXED_COMPENSATION_CENTS = 4_000;

export interface WikCollectionCosts {
  readonly principal: Money;
  readonly amount: Money;
  readonly minimumApplied: boolean;
  readonly maximumApplied: boolean;
}

class NotInEurosError extends RangeError {
  constructor(what: string, currency: string) {
    super(`${what} is defined in euros; cannot apply it to an amount in ${currency}`);
    this.name = 'NotInEurosError';
  }
}

/** The WIK amount on a principal, rounded half up to the cent (Besluit BIK art. 2). */
export function wikCollectionCosts(principal: Money): WikCollectionCosts {
  if (principal.currency !== 'EUR') throw new NotInEurosError('The WIK scale', principal.currency);
  if (principal.amount < 0) throw new RangeError('the principal cannot be negative');
  let rest = principal.amount;
  let perMilleCents = 0; // sum of cents × per mille: exact, divided by 1000 once
  for (const band of WIK_SCALE) {
    const inBand = band.sizeCents === null ? rest : Math.min(rest, band.sizeCents);
    perMilleCents += inBand * band.perMille;
    rest -= inBand;
    if (rest === 0) break;
  }
  // perMilleCents / 1000 is a correctly rounded division of integers; a half cent is exact.
  const scale = roundHalfUp(perMilleCents / 1000);
  const amount = Math.min(WIK_MAXIMUM_CENTS, Math.max(WIK_MINIMUM_CENTS, scale));
  return {
    principal,
    amount: money(amount, 'EUR'),
    minimumApplied: scale < WIK_MINIMUM_CENTS,
    maximumApplied: scale > WIK_MAXIMUM_CENTS,
  };
}

/**
 * VAT on collection costs, charged on top only when the creditor cannot deduct the VAT it pays
 * for collection (Besluit BIK art. 2 lid 3, at the rate of art. 9 lid 1 Wet OB 1968, passed in
 * as policy data): otherwise the creditor would be compensated for VAT it gets back. Rounded
 * half up to the cent.
 */
export function vatOnCollectionCosts(
  costs: Money,
  creditorCanDeductVat: boolean,
  vatRatePercent: number,
): Money {
  if (creditorCanDeductVat) return money(0, costs.currency);
  const vat = multiplyFractions(
    multiplyFractions(fraction(costs.amount), fractionFromDecimal(vatRatePercent)),
    fraction(1n, 100n),
  );
  return money(roundHalfUpFraction(vat), costs.currency);
}

/**
 * Costs and VAT limited to what a 14-day letter stated (art. 6:96 lid 6 BW: the letter states
 * the costs the debtor will owe, so more cannot be charged). The stated amount includes the VAT
 * on the costs where that is charged; when costs plus VAT exceed it, the costs are the largest
 * amount whose total with VAT stays within it.
 */
export function collectionCostsWithinStatedAmount(
  costs: Money,
  stated: Money,
  creditorCanDeductVat: boolean,
  vatRatePercent: number,
): { costs: Money; vat: Money; capped: boolean } {
  const withVat = (cents: number) =>
    cents + vatOnCollectionCosts(money(cents, costs.currency), creditorCanDeductVat, vatRatePercent).amount;
  if (withVat(costs.amount) <= stated.amount) {
    return { costs, vat: vatOnCollectionCosts(costs, creditorCanDeductVat, vatRatePercent), capped: false };
  }
  let cents = Math.floor((stated.amount * 100) / (100 + (creditorCanDeductVat ? 0 : vatRatePercent)));
  while (cents > 0 && withVat(cents) > stated.amount) cents -= 1;
  while (withVat(cents + 1) <= stated.amount) cents += 1;
  const capped = money(cents, costs.currency);
  return {
    costs: capped,
    vat: vatOnCollectionCosts(capped, creditorCanDeductVat, vatRatePercent),
    capped: true,
  };
}
