import * as z from 'zod';

/** Mollie's webhook call: a form post with the payment's id and nothing else. */
export const mollieWebhookBody = z
  .object({
    id: z
      .string()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .describe("A Mollie payment's id (tr_…): the payment itself is fetched from Mollie"),
  })
  .describe('Form-encoded (application/x-www-form-urlencoded), as Mollie posts it');
