import type { DunningPolicy, DunningStep } from './dunning-policy';
import { DUNNING_SLOTS, type DunningSlot } from './dunning-slot';

/** The policy's step for `slot`; undefined when the policy leaves the slot out. */
export function stepFor(policy: DunningPolicy, slot: DunningSlot): DunningStep | undefined {
  return policy.steps.find((step) => step.slot === slot);
}

/** The first step the policy holds after `slot`; undefined when `slot` is its last. */
export function nextStepAfter(policy: DunningPolicy, slot: DunningSlot): DunningStep | undefined {
  return DUNNING_SLOTS.slice(DUNNING_SLOTS.indexOf(slot) + 1)
    .map((later) => stepFor(policy, later))
    .find((step) => step !== undefined);
}
