import type { WorkflowBranch } from './workflow-branch';

/**
 * A step that cannot act today but must act later, never be skipped: an invoice that missed the
 * debtor's letter of the day (one letter per debtor, step, currency and day), a consumer's claim
 * whose 14-day term is still running. Thrown, not returned, so that it costs no state transition
 * on the common path: the task's first Retry entry in statemachines/dunning.asl.json matches this
 * name and runs the task again a day later. Only after many days does the execution fail, and
 * the daily sweep restores it at this step.
 */
export class StepDeferredError extends Error implements WorkflowBranch {
  /** A branch of the workflow, not a fault: its stack is not mapped to the sources. */
  readonly workflowBranch = true as const;

  constructor(reason: string) {
    super(`deferred to the next day: ${reason}`);
    this.name = STEP_DEFERRED;
  }
}

/** The error name the ASL's Retry matches. */
const STEP_DEFERRED = 'StepDeferredError';

/**
 * A step deferred because an admin paused all sending. A deferral like any other (counted as
 * one, paging nobody), under its own name: the ASL retries it once a day for as long as a
 * Standard execution lives (366 times), not 14, so that a pause of any length fails no execution
 * and spends no restore of the sweep's limit. After the release each waiting step runs at its
 * next daily try, and the letter of the day still holds one letter per debtor, step and currency.
 */
export class SendingPausedError extends StepDeferredError {
  constructor(reason: string) {
    super(reason);
    this.name = SENDING_PAUSED;
  }
}

/** The error name the first Retry entry of every task state matches. */
const SENDING_PAUSED = 'SendingPausedError';
