import * as z from 'zod';
import { DISPUTE_CAUSES, DISPUTE_OUTCOMES } from '../../core/disputes/dispute';
import { positiveCents, text } from './fields';

/**
 * Request schemas of disputes, built from the bounded fields every route uses, so that OpenAPI
 * describes them and their bounds hold here too. Amounts are integer cents.
 */
export const disputeCause = z
  .enum(DISPUTE_CAUSES)
  .describe('Why the debtor disputes the invoice; the disputes topic carries it as the attribute `cause`');

const disputeNote = text(2000).trim().min(1, 'note must not be empty');

/** A reference to a document of the dispute (a delivery note, a photo): a URL or a storage key, not the file. */
const documentReference = text(1000).trim().min(1, 'a document reference must not be empty');

export const disputeBody = z.object({
  cause: disputeCause,
  amount: positiveCents.optional().describe('Cents disputed; defaults to what is open'),
  note: disputeNote.describe('What the debtor says, for the file'),
  documents: z
    .array(documentReference)
    .max(20, 'documents may name at most 20 references')
    .optional()
    .describe('URLs or storage keys of the documents (delivery note, photo); not the files'),
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
