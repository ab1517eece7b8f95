import * as z from 'zod';
import { calendarDate } from './fields';

/** Every report answers as JSON, or as CSV with `format=csv` (or `Accept: text/csv`). */
const format = z
  .enum(['json', 'csv'], 'must be json or csv')
  .optional()
  .describe(
    '`csv`: a header row and one row per figure, amounts in euros with two decimals; JSON by default',
  );

export const portfolioQuery = z.object({
  asOf: calendarDate
    .optional()
    .describe('The day (Europe/Amsterdam) whose end the figures describe; today by default'),
  format,
});

export const portfolioHistoryQuery = z.object({
  from: calendarDate.describe('The first day, at most 366 days before `to`'),
  to: calendarDate.optional().describe('The last day; today by default'),
  format,
});

/** GET /reports/controllers: a period of calendar days in the business time zone, both included. */
export const controllerReportQuery = z.object({
  from: calendarDate.describe('The first day counted (Europe/Amsterdam)'),
  to: calendarDate.describe('The last day counted, at most 366 days after from counted both'),
});

/** GET /reports/dunning, /promises, /disputes: a period of calendar days, both included. */
export const factPeriodQuery = z.object({
  from: calendarDate.describe('The first day counted (Europe/Amsterdam)'),
  to: calendarDate
    .optional()
    .describe('The last day counted, at most 366 days after from counted both; today by default'),
  format,
});

/** GET /reports/forecast: how many weeks back and ahead. */
export const forecastQuery = z.object({
  weeks: z.coerce
    .number('must be a whole number of weeks')
    .int('must be a whole number of weeks')
    .min(1, 'must be at least 1')
    .max(26, 'must be at most 26')
    .optional()
    .describe('Weeks shown ahead from this one, and as many past weeks before it; 8 by default'),
  format,
});
