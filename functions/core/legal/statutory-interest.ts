import {
  addDays,
  addYears,
  type CalendarDate,
  earliest,
  inclusiveDayCount,
  isAfter,
  isBefore,
} from '../calendar/calendar-date';
import { type Money, money } from '../money';
import {
  addFractions,
  floorFraction,
  type Fraction,
  fraction,
  fractionFromDecimal,
  multiplyFractions,
  roundHalfUpFraction,
  subtractFractions,
  ZERO,
} from './exact-fraction';
import {
  type AppliedRate,
  type StatutoryInterestKind,
  type StatutoryRate,
  statutoryRateOn,
} from './statutory-rates';

/**
 * Statutory interest, art. 6:119 BW (consumers) and art. 6:119a BW (commercial transactions).
 *
 * Conventions, chosen and stated because the law leaves them to practice:
 * - Day count: actual days / 365, also in leap years (a leap year has 366 interest days, each
 *   1/365 of the annual rate). This is the convention of the usual Dutch interest calculators.
 * - Days: from the first day interest runs up to and including the as-of date, both counted.
 *   Before the first day (as-of date earlier) the interest is zero.
 * - A period that crosses a rate change is split at the change; each part uses its own rate.
 * - Compounding (art. 6:119 lid 2, art. 6:119a lid 3 BW): "telkens na afloop van een jaar" the
 *   amount on which interest is calculated is increased by the interest due over that year. The
 *   years are counted from the first interest day; the interest of year n is added at the start
 *   of year n+1 (e.g. interest from 2024-02-01 is added on 2025-02-01). Interest of a year
 *   that is not yet complete is owed but not added.
 * - Partial payments (`principalReductions`) lower the amount from the day they are received.
 *   They are applied to the principal first, not to costs and interest first as art. 6:44 BW
 *   allows the creditor: that can only make the interest lower, never higher.
 * - Everything is summed exactly and rounded half up to the cent once, on the total. The period
 *   amounts are shares of that total (largest remainder), so they add up to it exactly.
 */
export interface InterestPeriod {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly days: number;
  readonly ratePercent: number;
  /** First day of the rate table entry used, to say which rate is meant. */
  readonly rateEffectiveFrom: CalendarDate;
  readonly rateVerified: boolean;
  /** The ECB main refinancing rate a commercial rate was derived from (art. 6:120 lid 2 BW), if it was. */
  readonly rateEcbPercent?: number;
  /** The amount interest runs on in this period (principal still open + interest added), rounded for display. */
  readonly base: Money;
  readonly amount: Money;
}

export interface InterestCapitalisation {
  /** First day of the new interest year, from which the added interest bears interest. */
  readonly on: CalendarDate;
  readonly added: Money;
  readonly newBase: Money;
}

export interface StatutoryInterest {
  readonly kind: StatutoryInterestKind;
  readonly startsOn: CalendarDate;
  readonly asOf: CalendarDate;
  readonly amount: Money;
  readonly periods: readonly InterestPeriod[];
  readonly capitalisations: readonly InterestCapitalisation[];
}

export interface PrincipalReduction {
  readonly on: CalendarDate;
  readonly amount: Money;
}

export interface StatutoryInterestInput {
  readonly kind: StatutoryInterestKind;
  /** The principal interest runs on from `startsOn` (before any reduction). */
  readonly principal: Money;
  /** The first day interest runs. */
  readonly startsOn: CalendarDate;
  /** The last day counted. */
  readonly asOf: CalendarDate;
  readonly rates: readonly StatutoryRate[];
  readonly principalReductions?: readonly PrincipalReduction[];
}

const DAYS_PER_YEAR = 365n;

interface ExactPeriod {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  rate: AppliedRate;
  base: Fraction;
  interest: Fraction;
}

/**
 * Throws StatutoryRateNotKnownError when a day between `startsOn` and `asOf` has no known rate.
 */
export function calculateStatutoryInterest(input: StatutoryInterestInput): StatutoryInterest {
  const { kind, principal, startsOn, asOf, rates } = input;
  const currency = principal.currency;
  const reductions = [...(input.principalReductions ?? [])].sort((a, b) => (isBefore(a.on, b.on) ? -1 : 1));
  for (const reduction of reductions) {
    if (reduction.amount.currency !== currency) {
      throw new RangeError(
        `a payment in ${reduction.amount.currency} cannot reduce a principal in ${currency}`,
      );
    }
  }
  const none: StatutoryInterest = {
    kind,
    startsOn,
    asOf,
    amount: money(0, currency),
    periods: [],
    capitalisations: [],
  };
  if (isBefore(asOf, startsOn)) return none;

  const principalOpenOn = (day: CalendarDate): Fraction => {
    const paid = reductions.filter((r) => !isAfter(r.on, day)).reduce((sum, r) => sum + r.amount.amount, 0);
    return fraction(Math.max(0, principal.amount - paid));
  };
  const nextReductionAfter = (day: CalendarDate): CalendarDate | null =>
    reductions.find((r) => isAfter(r.on, day))?.on ?? null;

  const exact: ExactPeriod[] = [];
  const capitalisations: { on: CalendarDate; added: Fraction; newBase: Fraction }[] = [];
  let added: Fraction = ZERO;

  for (let year = 0; ; year++) {
    const yearStart = addYears(startsOn, year);
    if (isAfter(yearStart, asOf)) break;
    const nextYearStart = addYears(startsOn, year + 1);
    const lastDay = earliest(addDays(nextYearStart, -1), asOf);
    let interestThisYear: Fraction = ZERO;

    for (let from = yearStart; !isAfter(from, lastDay);) {
      const rate = statutoryRateOn(rates, kind, from);
      const reduction = nextReductionAfter(from);
      let to = earliest(lastDay, rate.effectiveThrough);
      if (reduction) to = earliest(to, addDays(reduction, -1));
      const base = addFractions(principalOpenOn(from), added);
      const days = inclusiveDayCount(from, to);
      // amount × rate% × days / 365
      const interest = multiplyFractions(
        multiplyFractions(base, fractionFromDecimal(rate.ratePercent)),
        fraction(BigInt(days), 100n * DAYS_PER_YEAR),
      );
      exact.push({ from, to, days, rate, base, interest });
      interestThisYear = addFractions(interestThisYear, interest);
      from = addDays(to, 1);
    }

    if (isAfter(nextYearStart, asOf)) break;
    // A full year has passed: its interest is added to the amount interest runs on.
    added = addFractions(added, interestThisYear);
    capitalisations.push({
      on: nextYearStart,
      added: interestThisYear,
      newBase: addFractions(principalOpenOn(nextYearStart), added),
    });
  }

  const total = exact.reduce<Fraction>((sum, period) => addFractions(sum, period.interest), ZERO);
  const totalCents = roundHalfUpFraction(total);
  const shares = apportion(
    exact.map((period) => period.interest),
    totalCents,
  );
  return {
    kind,
    startsOn,
    asOf,
    amount: money(totalCents, currency),
    periods: exact.map((period, index) => ({
      from: period.from,
      to: period.to,
      days: period.days,
      ratePercent: period.rate.ratePercent,
      rateEffectiveFrom: period.rate.effectiveFrom,
      rateVerified: period.rate.verified,
      ...(period.rate.ecbRatePercent === undefined ? {} : { rateEcbPercent: period.rate.ecbRatePercent }),
      base: money(roundHalfUpFraction(period.base), currency),
      amount: money(shares[index]!, currency),
    })),
    capitalisations: capitalisations.map((c) => ({
      on: c.on,
      added: money(roundHalfUpFraction(c.added), currency),
      newBase: money(roundHalfUpFraction(c.newBase), currency),
    })),
  };
}

/**
 * Whole cents per period that add up to `totalCents`: every period gets its exact amount rounded
 * down, and the cents still missing go to the periods with the largest remainders (the earlier
 * period on a tie). Each share is within one cent of its exact amount.
 */
function apportion(exactAmounts: readonly Fraction[], totalCents: number): number[] {
  const floors = exactAmounts.map((amount) => floorFraction(amount));
  const remainders = exactAmounts.map((amount, index) => subtractFractions(amount, fraction(floors[index]!)));
  let missing = totalCents - floors.reduce((sum, f) => sum + Number(f), 0);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => {
      const difference = subtractFractions(b.remainder, a.remainder).numerator;
      return difference === 0n ? a.index - b.index : difference > 0n ? 1 : -1;
    });
  const shares = floors.map((f) => Number(f));
  for (const { index } of order) {
    if (missing <= 0) break;
    shares[index]! += 1;
    missing -= 1;
  }
  return shares;
}
