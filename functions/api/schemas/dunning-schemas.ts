import * as z from 'zod';

/** POST /invoices/{id}/dunning/restart: a restart by hand says what was fixed, for the file. */
export const restartDunningBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'reason must say what was fixed')
    .max(2000, 'reason must be at most 2000 characters')
    .describe('What was fixed before the restart: goes to the timeline and closes the task'),
});
