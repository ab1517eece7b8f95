import { describe, expect, it } from 'vitest';
import {
  checkStatutoryRateTable,
  SEED_STATUTORY_RATES,
  type StatutoryRate,
  StatutoryRateNotKnownError,
  statutoryRateOn,
} from '../../../functions/core/legal/statutory-rates';

describe('statutory rates', () => {
  it('holds the seed rates of docs/legal-rules.md per half year', () => {
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2023-01-01').ratePercent).toBe(10.5);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2023-12-31').ratePercent).toBe(12);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2024-01-01').ratePercent).toBe(12.5);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2024-07-01').ratePercent).toBe(12.25);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2025-06-30').ratePercent).toBe(11.15);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2023-06-30').ratePercent).toBe(4);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2023-07-01').ratePercent).toBe(6);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2024-12-31').ratePercent).toBe(7);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2025-01-01').ratePercent).toBe(6);
  });

  it('holds the rates of 2020 to 2022: commercial 8.00%, consumer 2%', () => {
    for (const day of ['2020-01-01', '2021-03-15', '2021-07-01', '2022-12-31'] as const) {
      expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', day).ratePercent).toBe(8);
      expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', day).ratePercent).toBe(2);
    }
  });

  it('holds the consumer rates of 6% from 2025-07-01 and 4% from 2026-01-01', () => {
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2025-07-01')).toMatchObject({
      ratePercent: 6,
      verified: true,
    });
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2026-01-01')).toMatchObject({
      ratePercent: 4,
      verified: true,
    });
  });

  it('derives the commercial rate from the ECB main refinancing rate plus 8 points (art. 6:120 lid 2 BW)', () => {
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2025-07-01')).toMatchObject({
      ratePercent: 10.15,
      ecbRatePercent: 2.15,
      verified: true,
    });
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2026-07-01')).toMatchObject({
      ratePercent: 10.4,
      ecbRatePercent: 2.4,
    });
    expect(SEED_STATUTORY_RATES.some((rate) => rate.kind === 'commercial')).toBe(false);
  });

  it('marks the rates from 2026-07-01 as not yet confirmed by publication', () => {
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2026-07-01').verified).toBe(false);
    expect(statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2026-12-31')).toMatchObject({
      ratePercent: 4,
      verified: false,
    });
  });

  it('uses a commercial rate an admin stored outright before the one derived from the ECB rate', () => {
    const stored: StatutoryRate = {
      kind: 'commercial',
      effectiveFrom: '2026-07-01',
      effectiveThrough: '2026-12-31',
      ratePercent: 10.4,
      verified: true,
    };
    const rate = statutoryRateOn([...SEED_STATUTORY_RATES, stored], 'commercial', '2026-08-01');
    expect(rate).toEqual(stored);
  });

  it('says a rate after the last known half year is not known instead of guessing', () => {
    for (const kind of ['commercial', 'consumer'] as const) {
      expect(() => statutoryRateOn(SEED_STATUTORY_RATES, kind, '2027-01-01')).toThrow(
        StatutoryRateNotKnownError,
      );
    }
    expect(() => statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2027-01-01')).toThrow(
      'The statutory consumer interest rate (art. 6:119 BW) for 2027-01-01 is not known: the known rates run until 2026-12-31.',
    );
    try {
      statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2027-01-01');
      expect.unreachable();
    } catch (error) {
      expect((error as StatutoryRateNotKnownError).knownThrough).toBe('2026-12-31');
    }
  });

  it('says a rate before the table is not known', () => {
    expect(() => statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2019-12-31')).toThrow(
      /no earlier rate is known either/,
    );
  });

  it('accepts the seed table', () => {
    expect(checkStatutoryRateTable(SEED_STATUTORY_RATES)).toEqual([]);
  });

  it('refuses overlapping rates, reversed periods and too many decimals', () => {
    const table: StatutoryRate[] = [
      {
        kind: 'consumer',
        effectiveFrom: '2025-01-01',
        effectiveThrough: '2025-06-30',
        ratePercent: 6,
        verified: true,
      },
      {
        kind: 'consumer',
        effectiveFrom: '2025-06-01',
        effectiveThrough: '2025-12-31',
        ratePercent: 5,
        verified: true,
      },
      {
        kind: 'commercial',
        effectiveFrom: '2025-07-01',
        effectiveThrough: '2025-01-01',
        ratePercent: 10.123456,
        verified: true,
      },
    ];
    const problems = checkStatutoryRateTable(table);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/overlap/);
    expect(problems.join('\n')).toMatch(/ends before it starts/);
    expect(problems.join('\n')).toMatch(/more than 4 decimals/);
  });
});
