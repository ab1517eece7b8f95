import * as z from 'zod';
import { isAfter, isCalendarDate } from '../../core/calendar/calendar-date';
import { fractionFromDecimal } from '../../core/legal/exact-fraction';
import { calendarDate } from './fields';

/**
 * Request schemas of the claim and rate routes. They check each field, so that a 400 names it
 * (`rates.3.ratePercent`); the rules of the table as a whole (no two rates of a kind overlap) are
 * the core's `checkStatutoryRateTable`, which the use case applies after these.
 */

/**
 * Two rates a year (1 January and 1 July) of three kinds: 200 rows hold over thirty years, and keep the
 * stored table well inside DynamoDB's 400 KB item.
 */
export const MAX_RATES = 200;

/** Versions count edits; no table is edited a million times. */
const version = z.number().int().min(1).max(1_000_000);

export const claimQuery = z.object({
  asOf: calendarDate
    .optional()
    .describe('The day the claim is computed for; today in Europe/Amsterdam when left out'),
});

function hasAtMostFourDecimals(value: number): boolean {
  try {
    fractionFromDecimal(value, 4);
    return true;
  } catch {
    return false;
  }
}

const statutoryRate = z
  .object({
    kind: z
      .enum(['commercial', 'consumer', 'ecb-main-refinancing'])
      .describe(
        'ecb-main-refinancing: the ECB rate on the first day of the half year, from which the commercial rate follows (+ 8 points, art. 6:120 lid 2 BW); commercial: art. 6:119a BW, stated outright where it should not be derived; consumer: art. 6:119 BW',
      ),
    effectiveFrom: calendarDate.describe('First day the rate applies'),
    effectiveThrough: calendarDate.describe('Last day the rate applies; a later day has no known rate'),
    ratePercent: z
      .number()
      .min(0, 'must be between 0 and 100')
      .max(100, 'must be between 0 and 100')
      .refine(hasAtMostFourDecimals, 'must have at most 4 decimals')
      .describe('Percent per year, e.g. 10.15'),
    verified: z.boolean().describe('False while the figure is not confirmed by its publication'),
  })
  // zod runs this even when a date is bad (that issue is reported already); only two dates compare.
  .refine(
    (rate) =>
      !isCalendarDate(rate.effectiveFrom) ||
      !isCalendarDate(rate.effectiveThrough) ||
      !isAfter(rate.effectiveFrom, rate.effectiveThrough),
    { path: ['effectiveThrough'], message: 'must not be before effectiveFrom' },
  );

export const rateTableBody = z.object({
  rates: z
    .array(statutoryRate)
    // An empty table would make every claim fail with rate_not_known.
    .min(1, 'must hold at least one rate')
    .max(MAX_RATES, `must hold at most ${MAX_RATES} rates`)
    .describe('The whole table: it replaces the current one'),
  version: version.describe(
    'The version you edited, as GET /rates gave it; a colleague’s newer edit is not overwritten',
  ),
});

/** POST /invoices/{id}/interruption-letter: why the letter goes now, for the file. */
export const interruptionLetterBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'reason must say why the letter is sent')
    .max(2000, 'reason must be at most 2000 characters')
    .describe('Why the letter is sent now (e.g. the limitation warning): goes to the timeline'),
});
