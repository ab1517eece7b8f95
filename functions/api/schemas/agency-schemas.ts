import * as z from 'zod';
import { AGENCY_RESULTS, AGENCY_STATUSES } from '../../core/agency/agency-claim';
import { calendarDate, cents, currency, instant, positiveCents, recordId, text } from './fields';

/**
 * The events the collection agency posts to POST /webhooks/collection-agency, signed per Standard
 * Webhooks with a secret of its own. `sequence` numbers the agency's events of one claim in the
 * order they happened: a late event with a lower number is recorded but does not set the status.
 */
function claimEvent<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z.object({
    type: z.literal(type),
    occurredAt: instant.describe('When it happened at the agency'),
    sequence: z
      .number()
      .int('must be a whole number')
      .min(1)
      .max(1_000_000_000)
      .describe("The agency's number of this event within the claim, counting up"),
    data: z.object({
      claimId: recordId.describe('The claim: the invoice id it was handed over under'),
      ...data,
    }),
  });
}

export const agencyWebhookEvent = z
  .discriminatedUnion('type', [
    claimEvent('claim.accepted', {}),
    claimEvent('claim.payment_collected', {
      amount: positiveCents.describe('Cents the debtor paid the agency on the claim: booked as a payment'),
      fee: cents.describe(
        'Cents the agency charges as its fee on this collection: recorded, not booked on the invoice',
      ),
      currency,
    }),
    claimEvent('claim.judgement_obtained', {
      court: text(200).optional(),
      judgementDate: calendarDate.optional(),
    }),
    claimEvent('claim.bailiff_assigned', { bailiff: text(200).optional() }),
    claimEvent('claim.closed', {
      result: z.enum(AGENCY_RESULTS).describe('paid, settled (for less), or uncollectable'),
    }),
  ])
  .describe('One event of the collection agency about a claim, signed per Standard Webhooks');

export type AgencyWebhookEvent = z.infer<typeof agencyWebhookEvent>;

export const recallBody = z.object({
  reason: text(500).trim().min(1, 'reason must not be empty').describe('Why the claim is taken back'),
});

export const agencyReportQuery = z.object({
  from: calendarDate.optional().describe('Only claims handed over on or after this day'),
  status: z.enum(AGENCY_STATUSES).optional().describe('Only claims with this status at the agency'),
});
