import * as z from 'zod';
import { isCalendarDate } from '../../core/calendar/calendar-date';

/** Request schemas of promises to pay and holds. Amounts are integer cents. */
export const calendarDay = z
  .string()
  .refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD');

export const promisedAmount = z
  .number()
  .int('amount must be a whole number of cents')
  .positive('amount must be more than 0')
  .max(Number.MAX_SAFE_INTEGER)
  .describe('Cents; defaults to what is open');

const note = z.string().max(2000, 'note must be at most 2000 characters');

export const invoicePromiseBody = z.object({
  promisedDate: calendarDay.describe('The day the debtor promised to pay by'),
  amount: promisedAmount.optional(),
  note: note.optional().describe('What was agreed, for the file'),
});

export const debtorPromiseBody = invoicePromiseBody.extend({
  invoiceIds: z
    .array(z.string().min(1).max(200))
    .min(1, 'invoiceIds must name at least one invoice')
    .max(25, 'invoiceIds may name at most 25 invoices')
    .describe('The debtor invoices the promise covers; it is kept only when all are covered'),
});

export const holdBody = z.object({
  until: calendarDay.describe('The automatic steps wait until this day, then go on at the next step'),
  reason: z
    .string()
    .trim()
    .min(1, 'reason must not be empty')
    .max(500, 'reason must be at most 500 characters'),
});
