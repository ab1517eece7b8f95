import type { DunningPolicy, DunningStep } from './dunning-policy';
import { DUNNING_SLOTS } from './dunning-slot';
import { stepFor } from './policy-steps';

/** Past this many days overdue no letter speaks in the friendly tone ("Wellicht is het aan uw aandacht ontsnapt…"). */
const FRIENDLY_UNTIL_DAYS_OVERDUE = 14;

function isLetter(step: DunningStep): boolean {
  return step.kind === 'reminder' || step.kind === 'final_notice';
}

function fitsAge(step: DunningStep, daysOverdue: number): boolean {
  return !(step.tone === 'friendly' && daysOverdue > FRIENDLY_UNTIL_DAYS_OVERDUE);
}

/**
 * The step a dunning that has done nothing yet starts at, for an invoice `daysOverdue` days past
 * its due date: the first step whose day offset is at or beyond its age, as an invoice of that age
 * would stand in the cycle; never a friendly letter past 14 days. A debtor hears from us before a
 * controller calls, the account manager is told or the agency takes over: when that first step is
 * not a letter, or there is none left, the dunning starts with the last letter before it (which
 * then goes out at once), so an invoice 50 days overdue gets the final notice, not the friendly
 * reminder and not a silent hand-over.
 */
export function startingStep(policy: DunningPolicy, daysOverdue: number): DunningStep | undefined {
  const steps = DUNNING_SLOTS.map((slot) => stepFor(policy, slot)).filter(
    (step): step is DunningStep => step !== undefined,
  );
  const atAge = steps.findIndex((step) => step.dayOffset >= daysOverdue && fitsAge(step, daysOverdue));
  const candidate = atAge === -1 ? undefined : steps[atAge];
  if (candidate && isLetter(candidate)) return candidate;
  const before = atAge === -1 ? steps : steps.slice(0, atAge);
  const lastLetter = before.filter((step) => isLetter(step) && fitsAge(step, daysOverdue)).at(-1);
  return lastLetter ?? candidate ?? steps.at(-1);
}
