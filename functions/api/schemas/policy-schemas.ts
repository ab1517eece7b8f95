import * as z from 'zod';
import { dunningPolicySchema } from '../../core/dunning/dunning-policy';
import { text } from './fields';

/**
 * Request schemas of the policy routes. The body is checked field by field here, so that a 400
 * names each bad field as every other route does; the rules of the policy as a whole (steps in
 * order, templates that exist and fit, the consumer's 14-day letter) are the core's
 * `parseDunningPolicy`, which the use case applies once it knows the version.
 */

export const policyQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('An older version of the policy; the latest when left out'),
});

export const policyBody = z.object({
  ...dunningPolicySchema().shape,
  id: text(200).optional().describe('Ignored: the path names the policy'),
  // A number, never a numeric string: a version that is not checked would skip the lock.
  version: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('The version you edited, as GET gave it; a colleague’s newer edit is not overwritten'),
  updatedBy: text(200).optional().describe('Ignored: the caller is who stores the version'),
  updatedAt: text(40).optional().describe('Ignored: the version is stamped when it is stored'),
});
