import * as z from 'zod';

/** PUT /debtors/{id}/sms-opt-out. */
export const smsOptOutBody = z.object({
  optOut: z
    .boolean()
    .describe('true: the debtor asked for no more texts; false: the debtor wants texts again'),
});
