import * as z from 'zod';
import { calendarDate, positiveCents, recordId, text } from './fields';

/**
 * Request schemas of promises to pay and holds, built from the bounded fields every route uses,
 * so that OpenAPI describes them (a date is `format: date`) and their bounds hold here too.
 * Amounts are integer cents.
 */
export const calendarDay = calendarDate;

export const promisedAmount = positiveCents.describe('Cents; defaults to what is open');

export const invoicePromiseBody = z.object({
  promisedDate: calendarDay.describe('The day the debtor promised to pay by'),
  amount: promisedAmount.optional(),
  note: text(2000).optional().describe('What was agreed, for the file'),
});

export const debtorPromiseBody = invoicePromiseBody.extend({
  invoiceIds: z
    .array(recordId)
    .min(1, 'invoiceIds must name at least one invoice')
    .max(25, 'invoiceIds may name at most 25 invoices')
    .describe('The debtor invoices the promise covers; it is kept only when all are covered'),
});

export const holdBody = z.object({
  until: calendarDay.describe('The automatic steps wait until this day, then go on at the next step'),
  reason: text(500).trim().min(1, 'reason must not be empty'),
});
