/**
 * A step that cannot act today but must act later, never be skipped: an invoice that missed the
 * debtor's letter of the day (one letter per debtor, step, currency and day), a consumer's claim
 * whose 14-day term is still running. Thrown, not returned, so that it costs no state transition
 * on the common path: the task's first Retry entry in statemachines/dunning.asl.json matches this
 * name and runs the task again a day later. Only after many days does the execution fail, and
 * the daily sweep restores it at this step.
 */
export class StepDeferredError extends Error {
  constructor(reason: string) {
    super(`deferred to the next day: ${reason}`);
    this.name = STEP_DEFERRED;
  }
}

/** The error name the ASL's Retry matches. */
const STEP_DEFERRED = 'StepDeferredError';
