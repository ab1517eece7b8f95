import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, localTimeToInstant } from '../../../functions/core/dunning/time-zone';

const AMSTERDAM = 'Europe/Amsterdam';

function at(date: string, time: string, timeZone = AMSTERDAM): string {
  return localTimeToInstant(date, time, timeZone).toISOString();
}

describe('local time in a time zone', () => {
  it('is one hour ahead of UTC in an Amsterdam winter and two in summer', () => {
    expect(at('2026-01-15', '09:00')).toBe('2026-01-15T08:00:00.000Z');
    expect(at('2026-07-15', '09:00')).toBe('2026-07-15T07:00:00.000Z');
  });

  it('uses summer time from the morning the clocks go forward', () => {
    expect(at('2026-03-28', '09:00')).toBe('2026-03-28T08:00:00.000Z');
    expect(at('2026-03-29', '09:00')).toBe('2026-03-29T07:00:00.000Z');
  });

  it('uses winter time from the morning the clocks go back', () => {
    expect(at('2026-10-24', '09:00')).toBe('2026-10-24T07:00:00.000Z');
    expect(at('2026-10-25', '09:00')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('moves a time that the clocks skip forward by the gap', () => {
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first of a time that the clocks show twice', () => {
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('follows other zones by their own rules', () => {
    expect(at('2026-03-10', '09:00', 'America/New_York')).toBe('2026-03-10T13:00:00.000Z');
    expect(at('2026-03-10', '09:00', 'UTC')).toBe('2026-03-10T09:00:00.000Z');
  });

  it('tells the local calendar date of an instant', () => {
    expect(localDate(new Date('2026-03-29T22:30:00Z'), AMSTERDAM)).toBe('2026-03-30');
    expect(localDate(new Date('2026-03-29T21:30:00Z'), AMSTERDAM)).toBe('2026-03-29');
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone(AMSTERDAM)).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});
