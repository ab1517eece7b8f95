import * as z from 'zod';
import { TASK_OUTCOMES } from '../../core/worklist/task-outcomes';
import { disputeCause } from './dispute-schemas';
import { calendarDay, promisedAmount } from './promise-schemas';
import { recordId, text } from './fields';

/** Request schemas of the controller API. Handlers validate with them; the OpenAPI document is built from them. */
export { idPath } from './id-path';

export const taskOutcomeBody = z
  .object({
    outcome: z
      .enum(TASK_OUTCOMES)
      .describe(
        'What came of the task. Of a call: no answer, the debtor was reached, the number was wrong, the debtor promised to pay (with promisedDate), disputes the invoice (with cause and note), asks for a payment plan (the dunning waits at most 7 days for it), or is in financial trouble (the account manager is told, a manager considers special management). Of a debtor without an email address: email_added or letter_posted. Of any other task: done',
      ),
    note: text(2000).optional().describe('Free text for the file'),
    promisedDate: calendarDay
      .optional()
      .describe('With outcome promised: the day the debtor promised to pay by'),
    amount: promisedAmount
      .optional()
      .describe('With outcome promised: cents promised; defaults to what is open'),
    cause: disputeCause
      .optional()
      .describe(
        'With outcome disputed: why the debtor disputes the invoice; not read with any other outcome',
      ),
  })
  .superRefine((body, ctx) => {
    if (body.outcome === 'promised' && body.promisedDate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['promisedDate'],
        message: 'outcome promised needs a promisedDate',
      });
    }
    for (const field of ['promisedDate', 'amount'] as const) {
      if (body.outcome !== 'promised' && body[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} goes only with outcome promised` });
      }
    }
    // A cause with another outcome is not read: a form may keep the field filled in.
    if (body.outcome === 'disputed') {
      if (body.cause === undefined) {
        ctx.addIssue({ code: 'custom', path: ['cause'], message: 'outcome disputed needs a cause' });
      }
      if (!body.note?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['note'], message: 'outcome disputed needs a note' });
      }
    }
  });

export const taskListQuery = z.object({
  assignee: recordId.optional().describe('Only the tasks of this user (sub)'),
  list: z
    .enum(['special'])
    .optional()
    .describe("`special`: the special team's list; without it, every other open task"),
});
