import * as z from 'zod';
import { DISPUTE_OUTCOMES, MAX_INVOICES_PER_DISPUTE } from '../../core/disputes/dispute';
import { MAX_DISPUTE_CAUSES } from '../../core/disputes/dispute-causes';
import { positiveCents, recordId, text } from './fields';

/**
 * Request schemas of disputes, built from the bounded fields every route uses, so that OpenAPI
 * describes them and their bounds hold here too. Amounts are integer cents.
 */

/** A cause's code: a word of lower-case letters, digits and underscores, as the SNS attribute carries it. */
const causeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be 1 to 50 lower-case letters, digits or underscores')
  .describe('A code from GET /settings/dispute-causes');

export const disputeCause = causeCode.describe(
  'Why the debtor disputes the invoice: a code from GET /settings/dispute-causes (an admin keeps the list); the disputes topic carries it as the attribute `cause`',
);

const disputeNote = text(2000).trim().min(1, 'note must not be empty');

const documentRef = text(1000).trim().min(1, 'a document reference must not be empty');

/**
 * A reference to a document of the dispute (a delivery note, a photo): a URL or a storage key, not
 * the file. A bare string is taken as `{ kind: "document", ref }`.
 */
const documentReference = z.union([
  documentRef,
  z.object({
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be 1 to 50 lower-case letters, digits or underscores')
      .describe('What the document is: delivery_note, photo, email, …'),
    ref: documentRef.describe('A URL or a storage key'),
  }),
]);

const documents = z
  .array(documentReference)
  .max(20, 'documents may name at most 20 references')
  .optional()
  .describe(
    'References to the documents (delivery note, photo) as `{ kind, ref }` with a URL or storage key, not the files; at most 20',
  );

export const disputeBody = z.object({
  cause: disputeCause,
  amount: positiveCents
    .optional()
    .describe(
      'Cents disputed; defaults to what is open. Below the open amount, only that part is paused and the dunning goes on for the rest',
    ),
  note: disputeNote.describe('What the debtor says, for the file'),
  documents,
});

export const debtorDisputeBody = z.object({
  invoiceIds: z
    .array(recordId)
    .min(1, 'name at least one invoice')
    .max(MAX_INVOICES_PER_DISPUTE, `a dispute covers at most ${MAX_INVOICES_PER_DISPUTE} invoices`)
    .describe('Open invoices of this debtor, in one currency, each disputed in full'),
  cause: disputeCause,
  note: disputeNote.describe('What the debtor says, for the file'),
  documents,
});

export const disputeResolutionBody = z
  .object({
    outcome: z
      .enum(DISPUTE_OUTCOMES)
      .describe(
        'rejected or withdrawn: the invoice stands and the dunning resumes; credited: a credit note follows',
      ),
    note: disputeNote.describe('Why, for the file'),
    creditAmount: positiveCents
      .optional()
      .describe('With outcome credited: cents to be credited; defaults to the disputed amount'),
  })
  .superRefine((body, ctx) => {
    if (body.outcome !== 'credited' && body.creditAmount !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['creditAmount'],
        message: 'creditAmount goes only with outcome credited',
      });
    }
  });

export const disputeListQuery = z.object({
  status: z.enum(['open']).default('open').describe('Which disputes: those still waiting for an answer'),
});

/** PUT /settings/dispute-causes: the whole list, over the version GET gave. */
export const disputeCausesBody = z.object({
  // A number, never a numeric string: a version that is not checked would skip the lock.
  version: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .describe('The version you edited, as GET gave it (0 for the seed list)'),
  causes: z
    .array(
      z.object({
        cause: causeCode.describe('The code the API takes and the disputes topic carries as `cause`'),
        label: text(200)
          .trim()
          .min(1, 'label must not be empty')
          .describe('What the cause means, for people'),
        owner: z
          .string()
          .regex(/^[a-z][a-z0-9_-]{0,99}$/, 'must be 1 to 100 lower-case letters, digits, _ or -')
          .optional()
          .describe(
            'Who handles disputes of this cause (a team or queue); the disputes topic carries it as the attribute `owner`',
          ),
      }),
    )
    .min(1, 'the list needs at least one cause')
    .max(MAX_DISPUTE_CAUSES, `at most ${MAX_DISPUTE_CAUSES} causes`),
});
