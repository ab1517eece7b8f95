import * as z from 'zod';

/** Request schemas of the controller API. Handlers validate with them; the OpenAPI document is built from them. */
export const idPath = z.object({
  id: z.string().min(1).max(200).describe('The record id'),
});

export const taskOutcomeBody = z.object({
  outcome: z
    .enum(['no_answer', 'reached', 'wrong_contact'])
    .describe('What came of the call: no answer, the debtor was reached, or the number was wrong'),
  note: z
    .string()
    .max(2000, 'note must be at most 2000 characters')
    .optional()
    .describe('Free text for the file'),
});

export const taskListQuery = z.object({
  assignee: z.string().min(1).optional().describe('Only the tasks of this user (sub)'),
});
