import type { DunningSlot } from '../../functions/core/dunning/dunning-slot';
import type { SeededRandom } from './seeded-random';

/** How a demo debtor pays; each one stands for a group the dunning policies are meant for. */
export type PaymentBehaviour =
  'prompt' | 'occasional-late' | 'chronic-late' | 'key-account' | 'disputing' | 'never-pays';

export const BEHAVIOUR_LABEL: Record<PaymentBehaviour, string> = {
  prompt: 'prompt payer',
  'occasional-late': 'occasional late payer',
  'chronic-late': 'chronic late payer',
  'key-account': 'key account',
  disputing: 'disputing debtor',
  'never-pays': 'never-payer',
};

/**
 * When a payment arrives: hours after an anchor. The due date's anchor is its midnight in
 * Amsterdam; a dunning step's anchor is the moment its execution acts, read from the invoice's
 * dunning schedule once the sweep has started it, so that "pays after the first reminder" holds
 * whatever day the reminder actually went out.
 */
export interface PaymentTiming {
  anchor: 'due' | DunningSlot;
  hours: number;
}

/** Banks book transfers in office hours: somewhere between 09:00 and 17:00. */
function officeHour(random: SeededRandom): number {
  return random.int(9, 16) + random.int(0, 59) / 60;
}

function daysBeforeDue(random: SeededRandom, maxDays: number): PaymentTiming {
  return { anchor: 'due', hours: -random.int(0, maxDays) * 24 + officeHour(random) };
}

function daysAfterStep(
  random: SeededRandom,
  slot: DunningSlot,
  minDays: number,
  maxDays: number,
): PaymentTiming {
  // A step acts at 09:00; the payment lands on a later day, in office hours.
  return { anchor: slot, hours: random.int(minDays, maxDays) * 24 + officeHour(random) - 9 };
}

/**
 * When one invoice of a debtor with this behaviour gets paid; null when it never is. Disputed
 * invoices stay unpaid: disputes themselves come with a later part of the system.
 */
export function paymentTiming(
  behaviour: PaymentBehaviour,
  kind: 'business' | 'consumer',
  random: SeededRandom,
  disputed: boolean,
): PaymentTiming | null {
  switch (behaviour) {
    case 'prompt':
      return daysBeforeDue(random, 6);
    case 'occasional-late':
      return random.chance(0.6) ? daysBeforeDue(random, 2) : daysAfterStep(random, 'firstReminder', 1, 4);
    case 'chronic-late':
      if (kind === 'consumer' || random.chance(0.6)) return daysAfterStep(random, 'secondReminder', 1, 4);
      return daysAfterStep(random, 'call', 1, 3);
    case 'key-account':
      return random.chance(0.5)
        ? daysAfterStep(random, 'firstReminder', 3, 6)
        : daysAfterStep(random, 'accountManager', 2, 5);
    case 'disputing':
      return disputed ? null : daysBeforeDue(random, 4);
    case 'never-pays':
      return null;
  }
}
