import { isAtwNonWorkingDay } from '../legal/algemene-termijnenwet';
import { addDays, type CalendarDate } from './calendar-date';

/**
 * Dutch working days: not a Saturday, a Sunday or a general recognised holiday of the Algemene
 * termijnenwet. Letters go out and tasks fall on these days only, and the call window counts them.
 */
export function isWorkingDay(date: CalendarDate): boolean {
  return !isAtwNonWorkingDay(date);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The working day `count` working days after `date` (`date` itself need not be one). */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  let day = date;
  for (let left = count; left > 0; left -= 1) day = nextWorkingDay(addDays(day, 1));
  return day;
}
