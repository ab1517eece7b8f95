import { addDays } from '../calendar/calendar-date';
import { localTimeToInstant } from '../calendar/time-zone';
import type { Instalment, PaymentPlan } from './payment-plan';

/** Where the plan's execution stands: the instalment it waits for, with the times of its two Waits. */
export interface InstalmentTimes {
  number: number;
  /** The reminder goes out this many days before the date, at the policy's send time. */
  reminderAt: string;
  /** The check runs the day after the date plus the grace, at the policy's send time. */
  checkAt: string;
}

/** Step Functions reads RFC 3339 timestamps; whole seconds keep them short. */
function timestamp(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function instalmentTimes(
  plan: Pick<PaymentPlan, 'reminderDaysBefore' | 'graceDays'>,
  instalment: Pick<Instalment, 'number' | 'dueDate'>,
  clock: { timeZone: string; sendAt: string },
): InstalmentTimes {
  const at = (day: string) => timestamp(localTimeToInstant(day, clock.sendAt, clock.timeZone));
  return {
    number: instalment.number,
    reminderAt: at(addDays(instalment.dueDate, -plan.reminderDaysBefore)),
    checkAt: at(addDays(instalment.dueDate, plan.graceDays + 1)),
  };
}
