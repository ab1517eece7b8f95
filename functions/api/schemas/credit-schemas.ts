import * as z from 'zod';
import { RISK_CLASSES } from '../../core/credit/credit-report';
import { MAX_AMOUNT_CENTS } from '../../core/money';
import { calendarDate, cents, currency, recordId, text } from './fields';

const reason = text(500)
  .trim()
  .min(1, 'reason must not be empty')
  .describe('Why: on the timeline and in the credit-status message');

/** PUT /debtors/{id}/credit-hold: a manager sets or lifts the credit hold by hand. */
export const creditHoldBody = z.object({
  hold: z.boolean().describe('true: no new orders on credit; false lifts the hold'),
  reason,
});

/** GET /debtors/{id}/credit-check: the order to check. */
export const creditCheckQuery = z.object({
  orderAmount: z.coerce
    .number()
    .int('must be a whole number of cents')
    .positive('must be more than 0')
    .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`)
    .describe('The amount of the new order, in cents'),
  currency: currency.optional().describe("The order's currency; the credit limit's (or EUR) when absent"),
});

/** POST /debtors/{id}/credit-reports: what a credit bureau said. */
export const creditReportBody = z.object({
  provider: text(100).trim().min(1, 'provider must not be empty').describe('The credit bureau'),
  score: z.number().int('must be a whole number').min(0).max(10_000).describe("The bureau's score"),
  riskClass: z.enum(RISK_CLASSES).describe('Sets how often the report is refreshed'),
  recommendedLimit: z.object({ amount: cents, currency }).describe('The credit limit the bureau recommends'),
  reportDate: calendarDate.describe('The day of the report'),
  reference: recordId.optional().describe("The bureau's id of the report"),
});

/** POST /debtors/{id}/signals: what a controller heard about the debtor. */
export const signalBody = z.object({
  kind: z.enum(['financial_trouble', 'ownership_change', 'other']),
  note: text(2000).trim().min(1, 'note must not be empty').describe('What was heard, and from whom'),
});
