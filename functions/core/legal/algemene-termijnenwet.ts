import { addDays, type CalendarDate, calendarDate, isoWeekday, yearOf } from '../calendar/calendar-date';

/**
 * The general recognised public holidays of art. 3 Algemene termijnenwet (Atw): New Year's Day,
 * Easter Monday, Ascension Day, Whit Monday, King's Day, 5 May and both Christmas days.
 * Good Friday is included as well: it is not in art. 3 lid 1 but is regularly made equal to a
 * holiday under art. 3 lid 3, and treating it as one can only make a debtor's term longer,
 * never shorter.
 */
export function easterSunday(year: number): CalendarDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day);
}

function kingsDay(year: number): CalendarDate {
  // King's Day is 27 April since 2014 (Queen's Day 30 April before); moved to the Saturday
  // before when it falls on a Sunday.
  const date = year >= 2014 ? calendarDate(year, 4, 27) : calendarDate(year, 4, 30);
  return isoWeekday(date) === 7 ? addDays(date, -1) : date;
}

export function dutchPublicHolidays(year: number): readonly CalendarDate[] {
  const easter = easterSunday(year);
  return [
    calendarDate(year, 1, 1),
    addDays(easter, -2), // Good Friday (see above)
    addDays(easter, 1), // Easter Monday
    kingsDay(year),
    calendarDate(year, 5, 5),
    addDays(easter, 39), // Ascension Day
    addDays(easter, 50), // Whit Monday
    calendarDate(year, 12, 25),
    calendarDate(year, 12, 26),
  ];
}

export function isDutchPublicHoliday(date: CalendarDate): boolean {
  return dutchPublicHolidays(yearOf(date)).includes(date);
}

/** Saturday, Sunday or public holiday: a day on which a statutory term cannot end (art. 1 Atw). */
export function isAtwNonWorkingDay(date: CalendarDate): boolean {
  return isoWeekday(date) >= 6 || isDutchPublicHoliday(date);
}

/**
 * Art. 1 lid 1 Atw: a term set by law that ends on a Saturday, Sunday or public holiday is
 * extended up to and including the next day that is none of these. The 14-day term of
 * art. 6:96 lid 6 BW is such a term. (Art. 2 Atw, at least two working days in a term of three
 * days or more, is always met by a 14-day term.)
 */
export function extendStatutoryTermEnd(lastDay: CalendarDate): CalendarDate {
  let day = lastDay;
  while (isAtwNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}
