import { addDays } from '../../functions/core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localTimeToInstant } from '../../functions/core/calendar/time-zone';
import { DUNNING_SLOTS, type DunningSlot } from '../../functions/core/dunning/dunning-slot';
import { SEED_POLICIES } from '../../functions/core/dunning/policy-seeds';
import { SEGMENT } from '../../functions/core/dunning/segment';
import type { DemoInvoice } from './demo-portfolio';
import type { PaymentTiming } from './payment-behaviour';

const HOUR_MS = 3_600_000;

/** A payment timed from the due date: known from the invoice alone. */
export function momentBeforeDue(dueDate: string, timing: PaymentTiming): number {
  return localTimeToInstant(dueDate, '00:00', BUSINESS_TIME_ZONE).getTime() + timing.hours * HOUR_MS;
}

/** A payment timed from a dunning step, once the invoice's dunning schedule says when it acts. */
export function momentAfterStep(
  schedule: Record<DunningSlot, string>,
  slot: DunningSlot,
  hours: number,
): number {
  return Date.parse(schedule[slot]) + hours * HOUR_MS;
}

/**
 * When the payment would have arrived had the invoice's dunning run from its due date under the
 * seed policy of its segment. Used only to tell the payments that lie before the demo began
 * (posted while loading, as history) from those still to come.
 */
export function estimatedMoment(invoice: DemoInvoice, timing: PaymentTiming): number {
  if (timing.anchor === 'due') return momentBeforeDue(invoice.dueDate, timing);
  const segment =
    invoice.segment ?? (invoice.kind === 'consumer' ? SEGMENT.consumerStandard : SEGMENT.businessStandard);
  const policy = SEED_POLICIES.find((p) => p.id === segment);
  if (!policy) throw new Error(`no seed policy for segment ${segment}`);
  // A slot the policy leaves out acts together with the step before it, as the schedule plans it.
  const upTo = DUNNING_SLOTS.indexOf(timing.anchor);
  const step = policy.steps.filter((s) => DUNNING_SLOTS.indexOf(s.slot) <= upTo).at(-1) ?? policy.steps[0];
  const day = addDays(invoice.dueDate, step?.dayOffset ?? 0);
  return localTimeToInstant(day, policy.sendAt, policy.timeZone).getTime() + timing.hours * HOUR_MS;
}
