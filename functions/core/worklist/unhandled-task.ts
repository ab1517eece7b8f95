import { addDays, type CalendarDate, isoWeekday } from '../calendar/calendar-date';

/** Business days an open task may stay past its due date before a manager sees it. */
const UNHANDLED_AFTER_BUSINESS_DAYS = 2;

/**
 * The day a task due on `dueDate` counts as unhandled: two business days (Monday to Friday) after
 * it. A task due on Friday is unhandled on Wednesday.
 */
export function unhandledFrom(dueDate: CalendarDate): CalendarDate {
  let day = dueDate;
  let counted = 0;
  while (counted < UNHANDLED_AFTER_BUSINESS_DAYS) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5) counted++;
  }
  return day;
}

export function isUnhandled(task: { status: string; dueDate: string }, today: CalendarDate): boolean {
  return task.status === 'open' && today >= unhandledFrom(task.dueDate);
}
