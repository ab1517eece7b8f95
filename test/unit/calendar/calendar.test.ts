import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  assertCalendarDate,
  daysBetween,
  fromDayNumber,
  inclusiveDayCount,
  isCalendarDate,
  isoWeekday,
  toDayNumber,
} from '../../../functions/core/calendar/calendar-date';
import {
  BUSINESS_TIME_ZONE,
  isTimeZone,
  localDate,
  localTimeToInstant,
} from '../../../functions/core/calendar/time-zone';

const AMSTERDAM = 'Europe/Amsterdam';

function at(date: string, time: string, timeZone = AMSTERDAM): string {
  return localTimeToInstant(date, time, timeZone).toISOString();
}

describe('calendar dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(19_783)).toBe('2024-03-01');
  });

  it('round-trips every day number between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2200-12-31') }), (day) => {
        expect(toDayNumber(fromDayNumber(day))).toBe(day);
      }),
    );
  });

  it('agrees with UTC arithmetic for adding days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (start, days) => {
          const date = fromDayNumber(start);
          const expected = new Date(Date.UTC(1970, 0, 1 + start + days)).toISOString().slice(0, 10);
          expect(addDays(date, days)).toBe(expected);
        },
      ),
    );
  });

  it('refuses dates that do not exist', () => {
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(() => assertCalendarDate('31-01-2025', 'dueDate')).toThrow(/dueDate must be a calendar date/);
  });

  it('moves 29 February to 1 March in a year without one, never to an earlier day', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-01-31', 5)).toBe('2030-01-31');
  });

  it('counts both the first and the last day in an inclusive count', () => {
    expect(inclusiveDayCount('2025-03-01', '2025-03-01')).toBe(1);
    expect(inclusiveDayCount('2024-01-01', '2024-12-31')).toBe(366);
    expect(inclusiveDayCount('2025-03-02', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-03-03', '2025-03-17')).toBe(14);
  });

  it('knows the weekday (ISO: Monday is 1)', () => {
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2025-03-17')).toBe(1);
    expect(isoWeekday('2025-03-16')).toBe(7);
  });

  it('turns an instant into the Dutch calendar date, whatever zone the machine runs in', () => {
    // 23:30 UTC on 2 March is already 3 March in Amsterdam (UTC+1 in winter).
    expect(localDate(new Date('2025-03-02T23:30:00Z'), BUSINESS_TIME_ZONE)).toBe('2025-03-03');
    // Summer time: UTC+2.
    expect(localDate(new Date('2025-06-30T22:30:00Z'), BUSINESS_TIME_ZONE)).toBe('2025-07-01');
    expect(localDate(new Date('2025-06-30T22:30:00Z'), 'UTC')).toBe('2025-06-30');
  });
});

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
