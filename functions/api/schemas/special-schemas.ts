import * as z from 'zod';
import { SPECIAL_MANAGEMENT_REASONS } from '../../core/special/special-management';
import { text } from './fields';

/** Request schemas of special management, insolvency and write-off, from the bounded fields. */
export const specialManagementBody = z.object({
  reason: z.enum(SPECIAL_MANAGEMENT_REASONS).describe('Why the debtor leaves the normal cycle'),
  note: text(2000).optional().describe('What is known of the financial position, for the file'),
});
