import * as z from 'zod';
import { recordId, text } from './fields';

/** Request schemas of the controller API. Handlers validate with them; the OpenAPI document is built from them. */
export const idPath = z.object({
  id: recordId.describe('The record id'),
});

export const taskOutcomeBody = z.object({
  outcome: z
    .enum(['no_answer', 'reached', 'wrong_contact'])
    .describe('What came of the call: no answer, the debtor was reached, or the number was wrong'),
  note: text(2000).optional().describe('Free text for the file'),
});

export const taskListQuery = z.object({
  assignee: recordId.optional().describe('Only the tasks of this user (sub)'),
});
