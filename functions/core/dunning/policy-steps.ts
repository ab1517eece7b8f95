import type { DunningPolicy, DunningStep } from './dunning-policy';
import { DUNNING_SLOTS, type DunningSlot } from './dunning-slot';

/** The policy's step for `slot`; undefined when the policy leaves the slot out. */
export function stepFor(policy: DunningPolicy, slot: DunningSlot): DunningStep | undefined {
  return policy.steps.find((step) => step.slot === slot);
}

/** The first step the policy holds at `slot` or after it; undefined when there is none. */
function stepFrom(policy: DunningPolicy, slot: DunningSlot): DunningStep | undefined {
  return DUNNING_SLOTS.slice(DUNNING_SLOTS.indexOf(slot))
    .map((later) => stepFor(policy, later))
    .find((step) => step !== undefined);
}

/**
 * The step a running dunning takes next: the policy's first step after the last one done, or,
 * when none is done, the one it started at (`startSlot`, set for an invoice that started late). A
 * resume that made a later step due at once (`resumedAtOnce`: a broken payment plan resumes at the
 * final notice) passes over the steps before it.
 */
export function nextStepOf(
  dunning: { lastStep?: { slot: DunningSlot }; startSlot?: DunningSlot; resumedAtOnce?: DunningSlot },
  policy: DunningPolicy,
): DunningStep | undefined {
  const last = dunning.lastStep?.slot;
  const atOnce = dunning.resumedAtOnce;
  if (atOnce && (!last || DUNNING_SLOTS.indexOf(last) < DUNNING_SLOTS.indexOf(atOnce)))
    return stepFor(policy, atOnce);
  if (last) return nextStepAfter(policy, last);
  return stepFrom(policy, dunning.startSlot ?? DUNNING_SLOTS[0]);
}

/** The first step the policy holds after `slot`; undefined when `slot` is its last. */
export function nextStepAfter(policy: DunningPolicy, slot: DunningSlot): DunningStep | undefined {
  return DUNNING_SLOTS.slice(DUNNING_SLOTS.indexOf(slot) + 1)
    .map((later) => stepFor(policy, later))
    .find((step) => step !== undefined);
}
