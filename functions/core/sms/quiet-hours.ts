import { addDays } from '../calendar/calendar-date';
import { localDate, localTimeToInstant } from '../calendar/time-zone';

/** The local times between which no text goes out: from `start` in the evening until `end` in the morning. */
export interface QuietHours {
  /** HH:MM, e.g. 21:00. */
  start: string;
  /** HH:MM, e.g. 08:00. */
  end: string;
}

/** Nothing between 21:00 and 08:00 in the debtor's time zone, unless the policy says otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

/**
 * When a text that is due at `now` may go out: undefined when it may go now, otherwise the end
 * of the quiet hours (the next `end`) in `timeZone`. Hours that do not cross midnight
 * (13:00 to 14:00) are read as they are written.
 */
export function quietUntil(
  now: Date,
  timeZone: string,
  hours: QuietHours = DEFAULT_QUIET_HOURS,
): Date | undefined {
  const today = localDate(now, timeZone);
  const from = localTimeToInstant(today, hours.start, timeZone);
  const until = localTimeToInstant(today, hours.end, timeZone);
  if (hours.start > hours.end) {
    if (now < until) return until;
    if (now >= from) return localTimeToInstant(addDays(today, 1), hours.end, timeZone);
    return undefined;
  }
  return now >= from && now < until ? until : undefined;
}
