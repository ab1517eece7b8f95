import type { DunningSlot } from './dunning-slot';

export interface StepTaken {
  slot: DunningSlot;
  /** A skipped step never reached the debtor, so it cannot be what made them pay. */
  status: 'sent' | 'done' | 'skipped';
  /** ISO timestamp. */
  at: string;
}

/**
 * The step an invoice was cured after: the last one that acted at or before the payment, for
 * the cure rate per step. 'none' when the invoice was paid before any step acted.
 */
export function stepCuredAfter(steps: readonly StepTaken[], paidAt: string): DunningSlot | 'none' {
  const paid = Date.parse(paidAt);
  let last: { slot: DunningSlot; at: number } | undefined;
  for (const step of steps) {
    const at = Date.parse(step.at);
    if (step.status === 'skipped' || at > paid) continue;
    if (!last || at >= last.at) last = { slot: step.slot, at };
  }
  return last?.slot ?? 'none';
}
