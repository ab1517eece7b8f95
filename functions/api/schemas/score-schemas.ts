import * as z from 'zod';
import { currency, text } from './fields';

const MAX_RANKED = 100;

/** GET /reports/debtors: which ranking, how long, in which currency. */
export const debtorRankingQuery = z.object({
  sort: z
    .enum(['overdue', 'score'])
    .default('overdue')
    .describe(
      '`overdue`: the largest overdue amount first (default); `score`: the worst payment score first',
    ),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_RANKED, `must be at most ${MAX_RANKED}`)
    .default(10)
    .describe(`How many debtors, 1 to ${MAX_RANKED} (default 10)`),
  currency: currency
    .default('EUR')
    .describe('The currency of the overdue amounts ranked and shown (default EUR)'),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('`csv`: a header row and one row per debtor; JSON by default'),
});

const points = (what: string) =>
  z.number().min(0, 'must not be negative').max(100, 'must be at most 100').describe(what);
const inRow = (what: string) =>
  z
    .number()
    .int('must be a whole number of invoices')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .describe(what);
const rewardPercent = z
  .number()
  .positive('must be more than 0')
  .max(100, 'must be at most 100')
  .describe('The percentage offered');

/** PUT /settings/score-rules: the weights of the payment score, the segment thresholds and the reward. */
export const scoreRulesBody = z.object({
  expectedVersion: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .describe('The version you edited (GET gives it): a newer one stored meanwhile is a 409'),
  weights: z
    .object({
      paidOnTime: points('Points at 100% of the paid invoices paid on time (pro rata below)'),
      daysLate: points('Points at 0 days late on average, weighted by amount'),
      daysLateForNothing: z
        .number()
        .int('must be a whole number of days')
        .min(1, 'must be at least 1')
        .max(365, 'must be at most 365')
        .describe('Days late on average at which the days-late factor gives nothing'),
      trend: points('Points at 100% paid on time over the last six months (pro rata below)'),
      perBrokenPromise: points('Points taken off per promise to pay broken'),
      perDisputeLost: points('Points taken off per dispute resolved against the debtor'),
      perPlanBroken: points('Points taken off per payment plan broken'),
    })
    .superRefine((weights, ctx) => {
      const best = weights.paidOnTime + weights.daysLate + weights.trend;
      if (best !== 100) {
        ctx.addIssue({
          code: 'custom',
          path: ['paidOnTime'],
          message: `paidOnTime, daysLate and trend must add up to 100, so that a perfect payer scores 100; they add up to ${best}`,
        });
      }
    }),
  segments: z.object({
    goodPayerOnTimeInRow: inRow(
      'Invoices in a row paid on time after which a business debtor is a good payer',
    ),
    chronicMovesBackOnTimeInRow: inRow(
      'Invoices in a row paid on time after which a chronic late payer moves back to the standard segment',
    ),
  }),
  reward: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('discount'),
        percent: rewardPercent,
        description: text(200).trim().min(1, 'must not be empty'),
      }),
      z.object({
        kind: z.literal('credit_limit'),
        percent: rewardPercent,
        description: text(200).trim().min(1, 'must not be empty'),
      }),
    ])
    .describe(
      'What sales or the CRM is told to offer a new good payer: a discount on the next order, or a higher credit limit',
    ),
});
