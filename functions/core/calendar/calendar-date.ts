/**
 * Calendar dates ('YYYY-MM-DD') for dunning schedules and legal day counting. Terms, interest
 * days and limitation periods are counted in whole calendar days in the Netherlands, so dates are
 * plain strings and the arithmetic is done on a day number (days since 1970-01-01) with the proleptic
 * Gregorian calendar. Nothing here reads the machine's clock or time zone: the only bridge from
 * an instant to a date is `localDate` in `./time-zone`, which names the zone explicitly.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

class InvalidCalendarDateError extends RangeError {
  constructor(value: unknown, label: string) {
    super(`${label} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(date: string): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parts(value) !== null;
}

export function assertCalendarDate(value: unknown, label = 'date'): CalendarDate {
  if (!isCalendarDate(value)) throw new InvalidCalendarDateError(value, label);
  return value;
}

function format(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: CalendarDate): number {
  const p = parts(date);
  if (!p) throw new InvalidCalendarDateError(date, 'date');
  const [y0, m, d] = p;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  if (!Number.isSafeInteger(dayNumber))
    throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return format(year, month, day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day `years` later. 29 February has no counterpart in a common year; a period of a
 * year that starts on 29 February runs up to and including 28 February, so the next period
 * starts on 1 March: this function returns 1 March for that case (never an earlier date, which
 * would shorten a debtor's period).
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const p = parts(date);
  if (!p) throw new InvalidCalendarDateError(date, 'date');
  const [year, month, day] = p;
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) return format(target, 3, 1);
  return format(target, month, day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Number of days from `first` to `last`, both included (0 when `last` is before `first`). */
export function inclusiveDayCount(first: CalendarDate, last: CalendarDate): number {
  return Math.max(0, daysBetween(first, last) + 1);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) > 0;
}

export function earliest(a: CalendarDate, b: CalendarDate): CalendarDate {
  return isBefore(b, a) ? b : a;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const offset = (((toDayNumber(date) % 7) + 7) % 7) + 3;
  return (offset % 7) + 1;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return assertCalendarDate(format(year, month, day));
}
