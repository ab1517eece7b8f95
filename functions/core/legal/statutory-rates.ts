import {
  type CalendarDate,
  compareDates,
  isAfter,
  isBefore,
  isCalendarDate,
} from '../calendar/calendar-date';
import { fractionFromDecimal } from './exact-fraction';

/** Commercial: art. 6:119a BW (ECB main refinancing rate + 8 points). Consumer: art. 6:119 BW. */
export type StatutoryInterestKind = 'commercial' | 'consumer';

/**
 * The kinds a rate table holds: the two statutory rates, and the ECB main refinancing rate from
 * which the commercial rate follows by law (art. 6:120 lid 2 BW).
 */
export type RateKind = StatutoryInterestKind | 'ecb-main-refinancing';
const RATE_KINDS: readonly RateKind[] = ['commercial', 'consumer', 'ecb-main-refinancing'];

/**
 * One rate and the days it is known for, both ends included. The rates are set per half year (1
 * January and 1 July), so each entry says up to when it is known: a date after the last entry is
 * "not known", never "the last rate again". The table is data: seeded here (listed in
 * docs/legal-rules.md), kept and changed by an admin (GET/PUT /rates), and passed into every
 * calculation.
 */
export interface StatutoryRate {
  readonly kind: RateKind;
  readonly effectiveFrom: CalendarDate;
  readonly effectiveThrough: CalendarDate;
  /** Percent per year, at most 4 decimals, e.g. 10.15. */
  readonly ratePercent: number;
  /**
   * False while the figure has not been confirmed by its publication (the decree, or for an ECB
   * rate the Dutch publication of the commercial rate that follows from it).
   */
  readonly verified: boolean;
}

/** A rate as a calculation uses it: a commercial rate derived from the ECB rate says so. */
export interface AppliedRate extends StatutoryRate {
  readonly kind: StatutoryInterestKind;
  /** The ECB main refinancing rate the commercial rate was derived from, if it was. */
  readonly ecbRatePercent?: number;
}

/** Art. 6:120 lid 2 BW: the commercial rate is the ECB main refinancing rate plus eight points. */
const COMMERCIAL_POINTS_ABOVE_ECB = 8;

function halfYears(
  kind: RateKind,
  rows: readonly (readonly [from: CalendarDate, ratePercent: number, verified: boolean])[],
): StatutoryRate[] {
  return rows.map(([effectiveFrom, ratePercent, verified]) => ({
    kind,
    effectiveFrom,
    effectiveThrough: lastDayOfHalfYear(effectiveFrom),
    ratePercent,
    verified,
  }));
}

function lastDayOfHalfYear(firstDay: CalendarDate): CalendarDate {
  const year = firstDay.slice(0, 4);
  return (firstDay.slice(5) === '01-01' ? `${year}-06-30` : `${year}-12-31`) as CalendarDate;
}

/**
 * The seed rates (docs/legal-rules.md, checked against several public pages on 2026-11-29). The
 * commercial rate is not stored: it is derived from the ECB main refinancing rate on the first
 * calendar day of each half year. The rates from 2026-07-01 carry `verified: false`: the ECB
 * raised its rate on 11 June 2026, but no Dutch publication of the commercial rate (10.40%) or a
 * new consumer rate had been seen; the claim flags them. They cover every invoice that is not
 * time-barred (five years back); a day after the last half year is "rate not known".
 */
export const SEED_STATUTORY_RATES: readonly StatutoryRate[] = [
  ...halfYears('ecb-main-refinancing', [
    ['2020-01-01', 0, true],
    ['2020-07-01', 0, true],
    ['2021-01-01', 0, true],
    ['2021-07-01', 0, true],
    ['2022-01-01', 0, true],
    ['2022-07-01', 0, true],
    ['2023-01-01', 2.5, true],
    ['2023-07-01', 4, true],
    ['2024-01-01', 4.5, true],
    ['2024-07-01', 4.25, true],
    ['2025-01-01', 3.15, true],
    ['2025-07-01', 2.15, true],
    ['2026-01-01', 2.15, true],
    ['2026-07-01', 2.4, false],
  ]),
  ...halfYears('consumer', [
    ['2020-01-01', 2, true],
    ['2020-07-01', 2, true],
    ['2021-01-01', 2, true],
    ['2021-07-01', 2, true],
    ['2022-01-01', 2, true],
    ['2022-07-01', 2, true],
    ['2023-01-01', 4, true],
    ['2023-07-01', 6, true],
    ['2024-01-01', 7, true],
    ['2024-07-01', 7, true],
    ['2025-01-01', 6, true],
    ['2025-07-01', 6, true],
    ['2026-01-01', 4, true],
    ['2026-07-01', 4, false],
  ]),
];

const ARTICLE: Record<StatutoryInterestKind, string> = {
  commercial: 'art. 6:119a BW',
  consumer: 'art. 6:119 BW',
};

export class StatutoryRateNotKnownError extends Error {
  readonly kind: StatutoryInterestKind;
  readonly date: CalendarDate;
  /** Last day of the latest known rate of this kind before `date`, if any. */
  readonly knownThrough: CalendarDate | null;

  constructor(kind: StatutoryInterestKind, date: CalendarDate, knownThrough: CalendarDate | null) {
    const known = knownThrough
      ? `the known rates run until ${knownThrough}`
      : 'no earlier rate is known either';
    super(
      `The statutory ${kind} interest rate (${ARTICLE[kind]}) for ${date} is not known: ${known}. ` +
        'An admin must enter the published rate (PUT /rates) before interest over this date can be calculated.',
    );
    this.name = 'StatutoryRateNotKnownError';
    this.kind = kind;
    this.date = date;
    this.knownThrough = knownThrough;
  }
}

/**
 * The rate in force on `date`; throws StatutoryRateNotKnownError rather than guessing. A
 * commercial rate stored as such is used as stored (an admin's entry); otherwise it is derived
 * from the ECB main refinancing rate of the half year (art. 6:120 lid 2 BW).
 */
export function statutoryRateOn(
  rates: readonly StatutoryRate[],
  kind: StatutoryInterestKind,
  date: CalendarDate,
): AppliedRate {
  const covers = (rate: StatutoryRate) =>
    !isBefore(date, rate.effectiveFrom) && !isAfter(date, rate.effectiveThrough);
  const found = rates.find((rate) => rate.kind === kind && covers(rate));
  if (found) return { ...found, kind };
  const sources: readonly RateKind[] = kind === 'commercial' ? [kind, 'ecb-main-refinancing'] : [kind];
  const ecb =
    kind === 'commercial'
      ? rates.find((rate) => rate.kind === 'ecb-main-refinancing' && covers(rate))
      : undefined;
  if (ecb) return commercialFromEcb(ecb);
  const earlier = rates
    .filter((rate) => sources.includes(rate.kind) && isBefore(rate.effectiveThrough, date))
    .map((rate) => rate.effectiveThrough)
    .sort(compareDates);
  throw new StatutoryRateNotKnownError(kind, date, earlier.at(-1) ?? null);
}

function commercialFromEcb(ecb: StatutoryRate): AppliedRate {
  // In ten-thousandths, so that 2.15 + 8 is 10.15 and not a float's neighbour of it.
  const ratePercent = (Math.round(ecb.ratePercent * 10_000) + COMMERCIAL_POINTS_ABOVE_ECB * 10_000) / 10_000;
  return {
    kind: 'commercial',
    effectiveFrom: ecb.effectiveFrom,
    effectiveThrough: ecb.effectiveThrough,
    ratePercent,
    verified: ecb.verified,
    ecbRatePercent: ecb.ratePercent,
  };
}

/**
 * Problems with a rate table, in plain words (for PUT /rates); empty when the table is usable.
 * Gaps are allowed (a date in a gap is simply "not known"); overlaps are not.
 */
export function checkStatutoryRateTable(rates: readonly StatutoryRate[]): string[] {
  const problems: string[] = [];
  rates.forEach((rate, index) => {
    const label = `rate ${index + 1} (${rate.kind} from ${rate.effectiveFrom})`;
    if (!RATE_KINDS.includes(rate.kind)) problems.push(`${label}: unknown kind`);
    if (!isCalendarDate(rate.effectiveFrom) || !isCalendarDate(rate.effectiveThrough)) {
      problems.push(`${label}: dates must be YYYY-MM-DD`);
      return;
    }
    if (isAfter(rate.effectiveFrom, rate.effectiveThrough)) problems.push(`${label}: ends before it starts`);
    if (!Number.isFinite(rate.ratePercent) || rate.ratePercent < 0 || rate.ratePercent > 100) {
      problems.push(`${label}: ratePercent must be between 0 and 100`);
    } else {
      try {
        fractionFromDecimal(rate.ratePercent, 4);
      } catch {
        problems.push(`${label}: ratePercent has more than 4 decimals`);
      }
    }
    if (typeof rate.verified !== 'boolean') problems.push(`${label}: verified must be true or false`);
  });
  for (const kind of RATE_KINDS) {
    const sorted = rates
      .filter(
        (rate) =>
          rate.kind === kind && isCalendarDate(rate.effectiveFrom) && isCalendarDate(rate.effectiveThrough),
      )
      .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (!isAfter(current.effectiveFrom, previous.effectiveThrough)) {
        problems.push(
          `${kind} rates from ${previous.effectiveFrom} and ${current.effectiveFrom} overlap ` +
            `(the first runs until ${previous.effectiveThrough})`,
        );
      }
    }
  }
  return problems;
}
