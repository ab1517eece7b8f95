import type { CalendarDate } from './calendar-date';

/**
 * The business calendar of the company: "today", "overdue since" and the daily sweep are counted
 * in this zone, the company's own (Europe/Amsterdam for a Dutch company). Each dunning
 * policy carries its own zone for the hour its letters go out.
 */
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instant`, as if that reading were UTC (ms). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** How far `timeZone` is ahead of UTC at `instant` (whole seconds), in ms: CET +1 h, CEST +2 h. */
function utcOffsetMs(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - instant;
}

export function isTimeZone(name: string): boolean {
  try {
    wallClockFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the clocks in `timeZone` show `time` (HH:MM) on `date`. The offset is
 * looked up for that very day, so 09:00 in Amsterdam is 08:00Z in winter and 07:00Z in summer.
 * On the night the clocks change, a time that occurs twice gives the earlier instant and a time
 * that does not exist is moved forward by the gap (02:30 becomes 03:30), as Temporal's
 * 'compatible' disambiguation does.
 */
export function localTimeToInstant(date: CalendarDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // At most one clock change lies within a day of any wall time, so the offsets a day before
  // and a day after are the only candidates.
  const offsetBefore = utcOffsetMs(wall - 86_400_000, timeZone);
  const offsetAfter = utcOffsetMs(wall + 86_400_000, timeZone);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wall);
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(wall - offsetBefore);
}

/** The calendar date the clocks in `timeZone` show at `instant`. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}
