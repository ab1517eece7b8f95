import * as z from 'zod';
import { INSOLVENCY_KINDS } from '../../core/special/insolvency';
import { SPECIAL_MANAGEMENT_REASONS } from '../../core/special/special-management';
import { calendarDate, currency, instant, positiveCents, recordId, text } from './fields';

/** Request schemas of special management, insolvency and write-off, from the bounded fields. */
export const specialManagementBody = z.object({
  reason: z.enum(SPECIAL_MANAGEMENT_REASONS).describe('Why the debtor leaves the normal cycle'),
  note: text(2000).optional().describe('What is known of the financial position, for the file'),
});

export const insolvencyBody = z.object({
  kind: z
    .enum(INSOLVENCY_KINDS)
    .describe('bankruptcy (faillissement), wsnp, or suspension_of_payments (surseance)'),
  date: calendarDate.describe("The day of the court's decision: interest is claimed up to it"),
  court: text(200).trim().min(1, 'court must not be empty'),
  caseNumber: text(100).trim().min(1, 'caseNumber must not be empty'),
  administrator: z.object({
    name: text(200)
      .trim()
      .min(1, 'name must not be empty')
      .describe('The trustee (curator) or administrator'),
    email: z.email('must be an email address').max(254, 'must be at most 254 characters').optional(),
  }),
  claimDeadline: calendarDate
    .optional()
    .describe('The day by which the claim must be filed; INSOLVENCY_CLAIM_DAYS after the date when absent'),
});

export const insolvencyClaimQuery = z.object({
  format: z.enum(['json', 'html']).optional().describe('`html`: a printable page to file; JSON by default'),
});

export const distributionBody = z.object({
  id: recordId.describe("The payout's reference: booked once, however often it is posted"),
  amount: positiveCents.describe('Cents received from the trustee'),
  currency,
  receivedAt: instant.describe('When the money arrived'),
  note: text(2000).optional(),
});

export const insolvencyClosingBody = z.object({
  closedOn: calendarDate.describe('The day the insolvency ended (wound up, the clean slate)'),
  note: text(2000).optional().describe('How it ended (wound up, clean slate), for the file'),
});

export const writeOffBody = z.object({
  reason: text(500).trim().min(1, 'reason must not be empty'),
  amount: positiveCents
    .optional()
    .describe('Cents to write off; the whole open amount when absent (less: a remission)'),
});

export const vatReliefQuery = z.object({
  period: z
    .string()
    .regex(/^20\d\d-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be a quarter (2026-Q4) or a month (2026-11)')
    .describe('The VAT return period: a quarter (2026-Q4) or a month (2026-11)'),
});

/** A proposal's id as GET /write-off-proposals gives it: its day and a hash of its invoices. */
export const proposalIdPath = z.object({
  id: z
    .string()
    .regex(/^\d{8}-[0-9a-f]{16}$/, 'must be the id GET /write-off-proposals gives (day-hash)')
    .describe('The proposal read from GET /write-off-proposals'),
});

export const proposalApprovalBody = z.object({
  reason: text(500)
    .trim()
    .min(1, 'reason must not be empty')
    .describe('Why these balances are not worth collecting: kept on each write-off'),
});

export const provisionQuery = z.object({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('`csv`: one row per currency and class; JSON by default'),
});

/** A Dutch Chamber of Commerce (KvK) number: eight digits. */
const kvkNumber = z.string().regex(/^\d{8}$/, 'must be an 8-digit KvK number');

export const registerEntryBody = z.object({
  kvkNumber: kvkNumber.describe("The debtor's Chamber of Commerce number as the register publishes it"),
  kind: z
    .enum(INSOLVENCY_KINDS)
    .describe('bankruptcy (faillissement), wsnp (debt restructuring), or suspension_of_payments (surseance)'),
  date: calendarDate.describe("The day of the court's decision"),
  court: text(200).trim().min(1, 'court must not be empty'),
  caseNumber: text(100).trim().min(1, 'caseNumber must not be empty'),
  administrator: insolvencyBody.shape.administrator,
});

const attachmentName = text(200).trim().min(1, 'name must not be empty').describe('What the document is');
/** A reference to a document, never the document: a link, or a key in the archive; one of the two. */
const attachment = z.union(
  [
    z.strictObject({
      name: attachmentName,
      url: z.url('must be a URL').max(2000, 'must be at most 2000 characters'),
    }),
    z.strictObject({
      name: attachmentName,
      reference: text(500).trim().min(1).describe('A storage key or archive number'),
    }),
  ],
  'give a name and either url or reference',
);

export const financialPositionNoteBody = z.object({
  text: text(4000).trim().min(1, 'text must not be empty').describe('What the evidence shows'),
  attachments: z
    .array(attachment)
    .max(20, 'at most 20 attachments')
    .optional()
    .describe('References to the documents (annual accounts, bank statements), not the files'),
});
