import * as z from 'zod';

/** Request schemas of unapplied cash. Handlers validate with them; the OpenAPI document is built from them. */
export const paymentAssignmentBody = z
  .object({
    to: z
      .enum(['invoice', 'debtor'])
      .describe(
        "invoice: the payment pays it, and what it leaves is credit for the invoice's debtor; debtor: the debtor's account takes it, oldest open invoices first",
      ),
    id: z.string().min(1).max(200).describe('The id of the invoice or the debtor'),
  })
  .describe('Whom an unapplied payment belongs to; a payment is assigned once');
