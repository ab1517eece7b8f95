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

  it('seeds the commercial rates marked "verify" as unverified', () => {
    const july = statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2025-07-01');
    const january = statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2026-01-01');
    expect([july.ratePercent, july.verified]).toEqual([10.15, false]);
    expect([january.ratePercent, january.verified]).toEqual([10.15, false]);
  });

  it('says a consumer rate after 2025-06-30 is not known instead of guessing', () => {
    expect(() => statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2025-07-01')).toThrow(
      StatutoryRateNotKnownError,
    );
    expect(() => statutoryRateOn(SEED_STATUTORY_RATES, 'consumer', '2025-07-01')).toThrow(
      'The statutory consumer interest rate (art. 6:119 BW) for 2025-07-01 is not known: the known rates run until 2025-06-30.',
    );
  });

  it('says a commercial rate after the last known half year is not known', () => {
    try {
      statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2026-07-01');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StatutoryRateNotKnownError);
      expect((error as StatutoryRateNotKnownError).knownThrough).toBe('2026-06-30');
    }
  });

  it('says a rate before the table is not known', () => {
    expect(() => statutoryRateOn(SEED_STATUTORY_RATES, 'commercial', '2022-12-31')).toThrow(
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
