import * as z from 'zod';
import { isAfter, isCalendarDate } from '../../core/calendar/calendar-date';
import { fractionFromDecimal } from '../../core/legal/exact-fraction';

/**
 * Request schemas of the claim and rate routes. They check each field, so that a 400 names it
 * (`rates.3.ratePercent`); the rules of the table as a whole (no two rates of a kind overlap) are
 * the core's `checkStatutoryRateTable`, which the use case applies after these.
 */

const calendarDate = z.iso.date('must be a calendar date YYYY-MM-DD');

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
      .enum(['commercial', 'consumer'])
      .describe('commercial: art. 6:119a BW (ECB + 8 points); consumer: art. 6:119 BW'),
    effectiveFrom: calendarDate.describe('First day the rate applies'),
    effectiveThrough: calendarDate.describe('Last day the rate applies; a later day has no known rate'),
    ratePercent: z
      .number()
      .min(0, 'must be between 0 and 100')
      .max(100, 'must be between 0 and 100')
      .refine(hasAtMostFourDecimals, 'must have at most 4 decimals')
      .describe('Percent per year, e.g. 10.15'),
    verified: z.boolean().describe('False while the figure is not checked against the published rate'),
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
  rates: z.array(statutoryRate).describe('The whole table: it replaces the current one'),
  version: z
    .number()
    .int()
    .min(1)
    .describe('The version you edited, as GET /rates gave it; a colleague’s newer edit is not overwritten'),
});
