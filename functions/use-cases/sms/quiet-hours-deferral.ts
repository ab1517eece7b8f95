import { StepDeferredError } from '../steps/step-deferred';

/**
 * An sms step that came due in the debtor's quiet hours (a policy that acts late in the evening,
 * a debtor in another time zone, an execution the 06:00 sweep restored). A deferral like any
 * other (counted as one, paging nobody), under its own name: the ASL retries it every hour, not
 * every day, so that the text goes out at the first hour after the quiet hours end (08:00), not
 * at the same night-time hour the next day.
 */
export class QuietHoursError extends StepDeferredError {
  constructor(until: Date, timeZone: string) {
    super(
      `no text at night: the step waits until ${until.toISOString()} (the end of the quiet hours in ${timeZone})`,
    );
    this.name = QUIET_HOURS;
  }
}

/** The error name the hourly Retry entry of the reminder tasks matches. */
const QUIET_HOURS = 'QuietHoursError';
