import { describe, expect, it } from 'vitest';
import {
  dutchPublicHolidays,
  easterSunday,
  extendStatutoryTermEnd,
  isAtwNonWorkingDay,
} from '../../../functions/core/legal/algemene-termijnenwet';

describe('Algemene termijnenwet', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the public holidays of art. 3 Atw for 2025 (plus Good Friday)', () => {
    expect(dutchPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-04-26', // King's Day: 27 April 2025 is a Sunday
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('keeps a term that ends on a working day', () => {
    expect(extendStatutoryTermEnd('2025-03-17')).toBe('2025-03-17');
  });

  it('extends a term that ends on a Saturday to the Monday', () => {
    expect(extendStatutoryTermEnd('2025-03-15')).toBe('2025-03-17');
  });

  it('extends a term that ends on Good Friday past Easter to the Tuesday', () => {
    expect(extendStatutoryTermEnd('2025-04-18')).toBe('2025-04-22');
  });

  it('extends a term that ends on Christmas Day 2025 (Thursday) past Boxing Day and the weekend', () => {
    expect(extendStatutoryTermEnd('2025-12-25')).toBe('2025-12-29');
    expect(isAtwNonWorkingDay('2025-12-29')).toBe(false);
  });
});
