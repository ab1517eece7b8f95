import { addDays } from '../calendar/calendar-date';
import { localDate, localTimeToInstant } from '../calendar/time-zone';

/** The local times between which no text goes out: from `from` in the evening until `until` in the morning. */
export interface QuietHours {
  /** HH:MM, e.g. 21:00. */
  from: string;
  /** HH:MM, e.g. 08:00. */
  until: string;
}

/** Nothing between 21:00 and 08:00 in the debtor's time zone, unless the policy says otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: '21:00', until: '08:00' };

/**
 * When a text that is due at `now` may go out: undefined when it may go now, otherwise the end
 * of the quiet hours (the next `until`) in `timeZone`. Hours that do not cross midnight
 * (from 13:00 until 14:00) are read as they are written.
 */
export function quietUntil(
  now: Date,
  timeZone: string,
  hours: QuietHours = DEFAULT_QUIET_HOURS,
): Date | undefined {
  const today = localDate(now, timeZone);
  const from = localTimeToInstant(today, hours.from, timeZone);
  const until = localTimeToInstant(today, hours.until, timeZone);
  if (hours.from > hours.until) {
    if (now < until) return until;
    if (now >= from) return localTimeToInstant(addDays(today, 1), hours.until, timeZone);
    return undefined;
  }
  return now >= from && now < until ? until : undefined;
}
