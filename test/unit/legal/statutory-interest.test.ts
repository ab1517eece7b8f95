import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  fromDayNumber,
  inclusiveDayCount,
  toDayNumber,
} from '../../../functions/core/calendar/calendar-date';
import { calculateStatutoryInterest } from '../../../functions/core/legal/statutory-interest';
import {
  SEED_STATUTORY_RATES,
  type StatutoryRate,
  StatutoryRateNotKnownError,
} from '../../../functions/core/legal/statutory-rates';
import { money } from '../../../functions/core/money';

const eur = (cents: number) => money(cents, 'EUR');
const rates = SEED_STATUTORY_RATES;

/** A flat 10% rate for 2020–2030, to test the arithmetic without rate changes. */
const tenPercent: StatutoryRate[] = [
  {
    kind: 'commercial',
    effectiveFrom: '2020-01-01',
    effectiveThrough: '2030-12-31',
    ratePercent: 10,
    verified: true,
  },
];

describe('statutory interest', () => {
  it('charges EUR 8.55 on EUR 1,000 over 28 days at 11.15% (actual days / 365)', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2025-02-01',
      asOf: '2025-02-28',
      rates,
    });
    // 1,000 × 11.15% × 28 / 365 = 8.5534…
    expect(interest.amount).toEqual(eur(855));
    expect(interest.periods).toHaveLength(1);
    expect(interest.periods[0]).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
      days: 28,
      ratePercent: 11.15,
    });
  });

  it('counts the first day and the as-of day: one day when interest starts on the as-of date', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(3_650_000),
      startsOn: '2025-03-01',
      asOf: '2025-03-01',
      rates: tenPercent,
    });
    expect(interest.periods[0]?.days).toBe(1);
    expect(interest.amount).toEqual(eur(1_000)); // 36,500 × 10% / 365 = 10.00
  });

  it('is zero, with no periods, when the as-of date is before interest starts', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2025-03-01',
      asOf: '2025-02-28',
      rates,
    });
    expect(interest.amount).toEqual(eur(0));
    expect(interest.periods).toEqual([]);
  });

  it('splits a period across two rate changes and uses each rate for its own days', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2024-06-01',
      asOf: '2025-01-31',
      rates,
    });
    expect(
      interest.periods.map(({ from, to, days, ratePercent }) => ({ from, to, days, ratePercent })),
    ).toEqual([
      { from: '2024-06-01', to: '2024-06-30', days: 30, ratePercent: 12.5 },
      { from: '2024-07-01', to: '2024-12-31', days: 184, ratePercent: 12.25 },
      { from: '2025-01-01', to: '2025-01-31', days: 31, ratePercent: 11.15 },
    ]);
    // Exact: 10.2740 + 61.7534 + 9.4699 = 81.4973 → 81.50, rounded once on the total.
    expect(interest.amount).toEqual(eur(8_150));
    // The periods are shares of that total (rounded one by one they would add up to 81.49).
    expect(interest.periods.map((p) => p.amount.amount)).toEqual([1_028, 6_175, 947]);
  });

  it('adds the interest over a full year to the amount at the start of the next year (compounding)', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2024-02-01',
      asOf: '2025-06-30',
      rates,
    });
    // Year 1 (2024-02-01 … 2025-01-31, 366 days): 51.7123 + 61.7534 + 9.4699 = 122.9356.
    expect(interest.capitalisations).toEqual([
      { on: '2025-02-01', added: eur(12_294), newBase: eur(112_294) },
    ]);
    const last = interest.periods.at(-1);
    expect(last).toMatchObject({ from: '2025-02-01', to: '2025-06-30', days: 150, base: eur(112_294) });
    // 1,122.9356 × 11.15% × 150 / 365 = 51.4567; total 174.3923.
    expect(interest.amount).toEqual(eur(17_439));
  });

  it('does not compound on the last day of the first year, only from the next day', () => {
    const lastDayOfYear = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2024-02-01',
      asOf: '2025-01-31',
      rates,
    });
    expect(lastDayOfYear.capitalisations).toEqual([]);
    expect(lastDayOfYear.amount).toEqual(eur(12_294));

    const firstDayOfNextYear = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2024-02-01',
      asOf: '2025-02-01',
      rates,
    });
    // One more day on 1,122.9356: 0.3430.
    expect(firstDayOfNextYear.amount).toEqual(eur(12_328));
  });

  it('counts 366 days in a leap year, each 1/365 of the annual rate', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(100_000),
      startsOn: '2024-01-01',
      asOf: '2024-12-31',
      rates: tenPercent,
    });
    expect(interest.periods[0]?.days).toBe(366);
    expect(interest.amount).toEqual(eur(10_027)); // 1,000 × 10% × 366 / 365 = 100.27
  });

  it('rounds half a cent up, once, on the total', () => {
    const halfCentPerDay: StatutoryRate[] = [
      {
        kind: 'consumer',
        effectiveFrom: '2025-01-01',
        effectiveThrough: '2025-01-01',
        ratePercent: 5,
        verified: true,
      },
      {
        kind: 'consumer',
        effectiveFrom: '2025-01-02',
        effectiveThrough: '2025-12-31',
        ratePercent: 5,
        verified: true,
      },
    ];
    // 18.25 × 5% / 365 = 0.0025 euro = a quarter cent per day; two days make exactly half a cent.
    const interest = calculateStatutoryInterest({
      kind: 'consumer',
      principal: eur(1_825),
      startsOn: '2025-01-01',
      asOf: '2025-01-02',
      rates: halfCentPerDay,
    });
    expect(interest.amount).toEqual(eur(1));
    expect(interest.periods.map((p) => p.amount.amount)).toEqual([1, 0]);
  });

  it('lowers the amount interest runs on from the day a part payment is received', () => {
    const interest = calculateStatutoryInterest({
      kind: 'commercial',
      principal: eur(3_650_000),
      startsOn: '2025-03-01',
      asOf: '2025-03-10',
      rates: tenPercent,
      principalReductions: [{ on: '2025-03-06', amount: eur(1_825_000) }],
    });
    expect(interest.periods.map(({ from, to, base }) => ({ from, to, base }))).toEqual([
      { from: '2025-03-01', to: '2025-03-05', base: eur(3_650_000) },
      { from: '2025-03-06', to: '2025-03-10', base: eur(1_825_000) },
    ]);
    expect(interest.amount).toEqual(eur(5 * 1_000 + 5 * 500));
  });

  it('refuses to calculate over a day whose rate is not known', () => {
    expect(() =>
      calculateStatutoryInterest({
        kind: 'consumer',
        principal: eur(100_000),
        startsOn: '2026-12-01',
        asOf: '2027-01-15',
        rates,
      }),
    ).toThrow(StatutoryRateNotKnownError);
  });

  it('covers every day exactly once and its periods add up to the total', () => {
    const first = toDayNumber('2023-01-01');
    const last = toDayNumber('2026-06-30');
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: last - first }),
        fc.integer({ min: 1, max: 100_000_000 }),
        (start, length, cents) => {
          const startsOn = fromDayNumber(start);
          const asOf = fromDayNumber(Math.min(last, start + length));
          const interest = calculateStatutoryInterest({
            kind: 'commercial',
            principal: eur(cents),
            startsOn,
            asOf,
            rates,
          });
          expect(interest.periods.reduce((sum, p) => sum + p.days, 0)).toBe(
            inclusiveDayCount(startsOn, asOf),
          );
          expect(interest.periods.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(interest.amount.amount);
          interest.periods.forEach((period, index) => {
            const next = interest.periods[index + 1];
            if (next) expect(next.from).toBe(addDays(period.to, 1));
          });
        },
      ),
    );
  });

  it('equals amount × rate × days / 365, rounded half up, within a year at one rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 364 }),
        (cents, extraDays) => {
          const interest = calculateStatutoryInterest({
            kind: 'commercial',
            principal: eur(cents),
            startsOn: '2025-01-01',
            asOf: addDays('2025-01-01', extraDays),
            rates: tenPercent,
          });
          const exactTimes36500 = BigInt(cents) * 10n * BigInt(extraDays + 1);
          const expected = (2n * exactTimes36500 + 36_500n) / 73_000n; // floor(x / 36500 + 1/2)
          expect(interest.amount.amount).toBe(Number(expected));
        },
      ),
    );
  });
});
