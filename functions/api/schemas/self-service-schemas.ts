import * as z from 'zod';
import { parseAmount } from '../../core/self-service/form-fields';
import { calendarDate, recordId, text } from './fields';

/** The debtor's link: what `GET /self-service/{token}` and its forms are addressed by. */
export const selfServicePath = z.object({
  token: z.string().min(1).max(512).describe('The signed link from a letter'),
});

export const selfServicePageQuery = z.object({
  result: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be the key of a submission')
    .optional()
    .describe('Shows the result of a form posted from the page (POST-redirect-GET)'),
});

export const statementQuery = z.object({
  format: z.enum(['html', 'csv']).default('html').describe('A printable page, or CSV for a spreadsheet'),
});

const guard = {
  nonce: z.string().min(1).max(64).describe("The form's nonce, as the page rendered it"),
  csrf: z.string().min(1).max(128).describe("The form's CSRF token, bound to the link and the nonce"),
};

// Control characters other than tab and line breaks: a textarea sends those, nothing else.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** What a person types in one box: trimmed, not empty, bounded, well-formed (line breaks allowed). */
const shortText = (max: number) =>
  text(max)
    .trim()
    .min(1, 'fill this in')
    .refine((value) => !CONTROL.test(value), 'must not contain control characters');

/** An amount as typed on the page ("80", "80,50"): in cents; empty means the whole invoice. */
const typedAmount = z
  .string()
  .trim()
  .max(20, 'must be at most 20 characters')
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const cents = parseAmount(value);
    if (cents === undefined || cents <= 0) {
      ctx.addIssue({ code: 'custom', message: 'must be an amount such as 80,50' });
      return z.NEVER;
    }
    return cents;
  });

/**
 * The page's forms, posted as `application/x-www-form-urlencoded`: each names its `action`, and
 * carries the nonce and CSRF token the page gave it.
 */
export const selfServiceForm = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('promise'),
    ...guard,
    invoiceId: recordId,
    promisedDate: calendarDate,
  }),
  z.object({
    action: z.literal('dispute'),
    ...guard,
    invoiceId: recordId,
    cause: z.string().regex(/^[a-z0-9_]{1,64}$/, 'choose a reason'),
    explanation: shortText(1000),
    amount: typedAmount,
  }),
  z.object({
    action: z.literal('plan'),
    ...guard,
    instalments: z.coerce.number().int('choose a number of instalments').min(2).max(60),
  }),
  z.object({
    action: z.literal('pay'),
    ...guard,
    // The page's check boxes, as the handler joins them: one invoice id per line.
    invoiceIds: z
      .string()
      .max(5_000)
      .transform((value) => value.split('\n').filter((id) => id !== ''))
      .pipe(z.array(recordId).min(1, 'choose at least one invoice').max(50))
      .describe('The chosen invoices, one id per line (repeated check boxes)'),
    amount: typedAmount,
  }),
  z.object({
    action: z.literal('call_back'),
    ...guard,
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,30}$/, 'must be a phone number such as 020 123 4567'),
    preferredTime: shortText(100),
  }),
]);

export type SelfServiceForm = z.output<typeof selfServiceForm>;
