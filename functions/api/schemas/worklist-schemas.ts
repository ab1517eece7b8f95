import * as z from 'zod';
import { calendarDate, recordId, text } from './fields';

/** Points are whole numbers within a sane range: a weight of a million would drown every other factor. */
const points = (what: string) =>
  z.number().int('must be a whole number of points').min(-1000).max(1000).describe(what);

/** GET /worklist: whose accounts. */
export const worklistQuery = z.object({
  owner: recordId
    .optional()
    .describe(
      "A controller's sub (managers only), or `none` for the unowned accounts; default: the caller's own and the unowned",
    ),
});

const segmentOwner = z.object({
  sub: recordId.describe("The controller's user id (the token's sub)"),
  email: z.email().max(320).optional().describe('Shown with the owner'),
});

/** PUT /worklist/rules: the weights of the worklist's priority, and who owns new debtors per segment. */
export const worklistRulesBody = z.object({
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The version you edited: a newer one by a colleague is a 409'),
  weights: z.object({
    overdueAmountPerTenfold: points('Points per tenfold of the overdue amount (logarithmic)'),
    perDayOverdue: points('Points per day the oldest invoice is overdue'),
    maxDaysCounted: z.number().int().min(0).max(3650).describe('Days overdue counted at most'),
    perBrokenPromise: points('Points per broken promise not yet followed up'),
    perOverdueDispute: points('Points per dispute open past its respond-by day'),
    perFailedContact: points('Points per failed attempt to reach the debtor since it was last reached'),
    creditLimitExceeded: points('Points when the debtor owes more than its credit limit'),
    lowScore: points(
      'Points at a payment score of 0, pro rata down to none at 100 ("payment score 34/100"); unchanged when left out',
    ).optional(),
    segments: z
      .record(recordId, points('Points for debtors of this segment'))
      .refine((value) => Object.keys(value).length <= 50, 'at most 50 segments')
      .describe('Points per segment id'),
  }),
  assignment: z
    .record(recordId, segmentOwner)
    .refine((value) => Object.keys(value).length <= 50, 'at most 50 segments')
    .optional()
    .describe(
      'Who owns new debtors of each segment; a segment left out leaves them unowned. Default: unchanged',
    ),
});

/** POST /tasks/{id}/snooze. */
export const snoozeBody = z.object({
  until: calendarDate.describe('The day the task comes back on the list, after today'),
  reason: text(500).trim().min(1, 'reason must not be empty').describe('Why it waits'),
});
