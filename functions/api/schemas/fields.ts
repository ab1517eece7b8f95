import * as z from 'zod';
import { isCurrencyCode, MAX_AMOUNT_CENTS } from '../../core/money';

/**
 * The bounds every request field is held to, declared once so that each route, the OpenAPI
 * document and the README say the same. Whatever no step can handle is refused at the door with
 * a 400 naming the field, so that it never reaches a workflow that would fail on it every day.
 *
 * - Dates and timestamps lie in the years 2000 to 2099: an invoice, a payment or a claim day
 *   outside them is a typing error, and the legal day counting is only ever checked inside them.
 * - Amounts are whole cents from 0 to MAX_AMOUNT_CENTS (10^13).
 * - Ids are 1 to 200 characters of well-formed Unicode without control characters: they become
 *   DynamoDB keys, execution names, URL paths and log values.
 * - Free text has a maximum length per field; lists a maximum count.
 */
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2099-12-31';
const DATE_RANGE = `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`;

/** The languages letters are written in (functions/templates); nothing else is accepted. */
const LETTER_LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;

const MAX_ID_LENGTH = 200;

/** A lone surrogate cannot be encoded as UTF-8: DynamoDB, logs and URLs would each mangle it. */
function isWellFormedText(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

// Control characters (C0, DEL, C1) in an id would end up in keys, names and log lines.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** Free text of at most `max` characters, well-formed. */
export function text(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(isWellFormedText, 'must be well-formed Unicode text (no lone surrogates)');
}

export const recordId = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .refine(isWellFormedText, 'must be well-formed Unicode text (no lone surrogates)')
  .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters');

export const cents = z
  .number()
  .int('must be a whole number of cents')
  .nonnegative('must not be negative')
  .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`);

export const positiveCents = z
  .number()
  .int('must be a whole number of cents')
  .positive('must be more than 0')
  .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`);

/** A signed amount (an invoice line may be a discount), bounded both ways. */
export const signedCents = z
  .number()
  .int('must be a whole number of cents')
  .min(-MAX_AMOUNT_CENTS, `must be at least -${MAX_AMOUNT_CENTS} cents`)
  .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`);

// One issue per bad value: the shape first, then whether the code is a currency at all.
export const currency = z
  .string()
  .superRefine((value, ctx) => {
    if (!/^[A-Z]{3}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 4217 code such as EUR' });
    } else if (!isCurrencyCode(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be the ISO 4217 code of a currency in circulation, such as EUR',
      });
    }
  })
  .describe('ISO 4217 code of a currency in circulation');

// A value that is no date at all is reported once, by the format check; the range judges dates.
export const calendarDate = z.iso
  .date('must be a calendar date YYYY-MM-DD')
  .refine(
    (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (value >= EARLIEST_DATE && value <= LATEST_DATE),
    DATE_RANGE,
  )
  .describe(`YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}`);

/** The UTC day of a timestamp, or undefined when it is none (the format check reports that). */
function utcDay(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 timestamp with a time zone' })
  .refine((value) => {
    const day = utcDay(value);
    return day === undefined || (day >= EARLIEST_DATE && day <= LATEST_DATE);
  }, DATE_RANGE)
  .describe(`ISO 8601 with a time zone, from ${EARLIEST_DATE} to ${LATEST_DATE}`);

export const language = z
  .enum(
    LETTER_LANGUAGES,
    `must be one of the languages letters are written in: ${LETTER_LANGUAGES.join(', ')}`,
  )
  .describe('Language of the letters');
