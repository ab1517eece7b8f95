import * as z from 'zod';
import { calendarDate, positiveCents, recordId, text } from './fields';

/** Bounds that keep a plan and each of its writes inside one DynamoDB transaction. */
const MAX_PLAN_INVOICES = 20;
const MAX_INSTALMENTS = 60;

const instalments = z
  .array(
    z.object({
      dueDate: calendarDate.describe('The day the instalment is due'),
      amount: positiveCents.describe('Cents'),
    }),
  )
  .max(MAX_INSTALMENTS, `instalments may hold at most ${MAX_INSTALMENTS} instalments`);

export const paymentPlanBody = z.object({
  invoiceIds: z
    .array(recordId)
    .min(1, 'invoiceIds must name at least one invoice')
    .max(MAX_PLAN_INVOICES, `invoiceIds may name at most ${MAX_PLAN_INVOICES} invoices`)
    .describe('Open invoices of the debtor; payments are booked against them oldest first'),
  instalments: instalments.describe(
    'At least 2, dates strictly ascending, the first within the policy days; amounts adding up exactly to what the invoices owe',
  ),
});

export const paymentPlanQuery = z.object({
  validate: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe(
      'true: check the plan with the same checks and field messages, write nothing, and answer 200 with the total it must add up to',
    ),
});

export const planAmendmentBody = z.object({
  instalments: instalments.describe(
    'The new schedule of what is still to pay: replaces every instalment not paid in full',
  ),
  reason: text(1000)
    .trim()
    .min(1, 'reason must not be empty')
    .describe('Why the plan is changed, for the timeline'),
});
