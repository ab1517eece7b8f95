import * as z from 'zod';
import { recordId, text } from './fields';

const MAX_PAGE = 100;

const limit = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_PAGE, `must be at most ${MAX_PAGE}`)
  .default(50)
  .describe(`Items per page, 1 to ${MAX_PAGE} (default 50)`);

const cursor = z
  .string()
  .min(1)
  .max(2000, 'must be at most 2000 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor a page gave')
  .describe('The `cursor` of the page before');

/** PUT /debtors/{id}/owner: hand the account to a controller, or leave it unowned (null). */
export const ownerBody = z.object({
  owner: z
    .object({
      sub: recordId.describe("The controller's user id (the token's sub)"),
      email: z.email().max(320).optional().describe('Shown with the owner'),
    })
    .nullable()
    .describe('The new owner; null leaves the account unowned'),
});

/** POST /debtors/{id}/notes. */
export const noteBody = z.object({
  text: text(4000)
    .trim()
    .min(1, 'text must not be empty')
    .describe('The note, for whoever handles the account'),
});

/** The reader's language of a timeline; without it, the request's Accept-Language, else Dutch. */
const lang = z
  .enum(['nl', 'en'], 'must be nl or en')
  .optional()
  .describe(
    "The language of the timeline's titles, step names, dates and amounts; Accept-Language when left out, else nl",
  );

/** GET /invoices/{id}. */
export const invoiceQuery = z.object({ lang });

export const timelineQuery = z.object({ limit, cursor: cursor.optional(), lang });

export const invoiceListQuery = z.object({
  number: recordId.optional().describe('The invoice number the debtor quotes'),
  reference: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .describe('The payment reference (RF or betalingskenmerk), spaces allowed'),
  status: z.enum(['open', 'overdue', 'paid', 'cancelled', 'in_collection', 'written_off']).optional(),
  debtorId: recordId.optional(),
  minDaysOverdue: z.coerce
    .number()
    .int()
    .min(0)
    .max(36500)
    .optional()
    .describe('Only invoices at least this many days past their due date'),
  limit,
  cursor: cursor.optional(),
});

export const debtorListQuery = z.object({
  q: text(200)
    .trim()
    .min(1)
    .optional()
    .describe('The start of the name, or the id; accents and case ignored'),
  segment: recordId.optional(),
  owner: recordId.optional().describe("A controller's sub, or `none` for the unowned"),
  onHold: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('On credit hold or dunning hold'),
  limit,
  cursor: cursor.optional(),
});
