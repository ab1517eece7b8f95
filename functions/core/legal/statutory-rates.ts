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
 * One statutory rate and the days it is known for, both ends included. The rates are set per
 * half year (1 January and 1 July), so each entry says up to when it is known: a date after the
 * last entry is "not known", never "the last rate again". The table is data: seeded here (listed in
 * docs/legal-rules.md), kept and changed by an admin (GET/PUT /rates), and passed into every
 * calculation.
 */
export interface StatutoryRate {
  readonly kind: StatutoryInterestKind;
  readonly effectiveFrom: CalendarDate;
  readonly effectiveThrough: CalendarDate;
  /** Percent per year, at most 4 decimals, e.g. 10.15. */
  readonly ratePercent: number;
  /** False while the figure has not been checked against the published decree or ECB rate. */
  readonly verified: boolean;
}

/**
 * The seed rates. The commercial rates for 2025-07-01 and 2026-01-01 were not checked against a
 * publication when they were seeded: they carry `verified: false`, and the claim says so. The
 * consumer rates for those half years had no checked figure: they are left out on purpose, so a
 * consumer claim that needs them fails with "rate not known" until an admin enters the published
 * rate, instead of charging a guessed rate.
 */
export const SEED_STATUTORY_RATES: readonly StatutoryRate[] = [
  {
    kind: 'commercial',
    effectiveFrom: '2023-01-01',
    effectiveThrough: '2023-06-30',
    ratePercent: 10.5,
    verified: true,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2023-07-01',
    effectiveThrough: '2023-12-31',
    ratePercent: 12,
    verified: true,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2024-01-01',
    effectiveThrough: '2024-06-30',
    ratePercent: 12.5,
    verified: true,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2024-07-01',
    effectiveThrough: '2024-12-31',
    ratePercent: 12.25,
    verified: true,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2025-01-01',
    effectiveThrough: '2025-06-30',
    ratePercent: 11.15,
    verified: true,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2025-07-01',
    effectiveThrough: '2025-12-31',
    ratePercent: 10.15,
    verified: false,
  },
  {
    kind: 'commercial',
    effectiveFrom: '2026-01-01',
    effectiveThrough: '2026-06-30',
    ratePercent: 10.15,
    verified: false,
  },
  {
    kind: 'consumer',
    effectiveFrom: '2023-01-01',
    effectiveThrough: '2023-06-30',
    ratePercent: 4,
    verified: true,
  },
  {
    kind: 'consumer',
    effectiveFrom: '2023-07-01',
    effectiveThrough: '2023-12-31',
    ratePercent: 6,
    verified: true,
  },
  {
    kind: 'consumer',
    effectiveFrom: '2024-01-01',
    effectiveThrough: '2024-06-30',
    ratePercent: 7,
    verified: true,
  },
  {
    kind: 'consumer',
    effectiveFrom: '2024-07-01',
    effectiveThrough: '2024-12-31',
    ratePercent: 7,
    verified: true,
  },
  {
    kind: 'consumer',
    effectiveFrom: '2025-01-01',
    effectiveThrough: '2025-06-30',
    ratePercent: 6,
    verified: true,
  },
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

/** The rate in force on `date`; throws StatutoryRateNotKnownError rather than guessing. */
export function statutoryRateOn(
  rates: readonly StatutoryRate[],
  kind: StatutoryInterestKind,
  date: CalendarDate,
): StatutoryRate {
  const ofKind = rates.filter((rate) => rate.kind === kind);
  const found = ofKind.find(
    (rate) => !isBefore(date, rate.effectiveFrom) && !isAfter(date, rate.effectiveThrough),
  );
  if (found) return found;
  const earlier = ofKind
    .filter((rate) => isBefore(rate.effectiveThrough, date))
    .map((rate) => rate.effectiveThrough)
    .sort(compareDates);
  throw new StatutoryRateNotKnownError(kind, date, earlier.at(-1) ?? null);
}

/**
 * Problems with a rate table, in plain words (for PUT /rates); empty when the table is usable.
 * Gaps are allowed (a date in a gap is simply "not known"); overlaps are not.
 */
export function checkStatutoryRateTable(rates: readonly StatutoryRate[]): string[] {
  const problems: string[] = [];
  rates.forEach((rate, index) => {
    const label = `rate ${index + 1} (${rate.kind} from ${rate.effectiveFrom})`;
    if (rate.kind !== 'commercial' && rate.kind !== 'consumer') problems.push(`${label}: unknown kind`);
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
  for (const kind of ['commercial', 'consumer'] as const) {
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
