import type { DunningSlot } from './dunning-slot';

export type StepStatus = 'sent' | 'done' | 'skipped';

export interface StepRecord {
  slot: DunningSlot;
  status: StepStatus;
  at: string;
  reason?: string;
}

/**
 * Where an invoice's dunning stands. Kept on the invoice so that the sweep can restore a lost or
 * failed execution at the right step and the API can answer without asking Step Functions.
 */
export interface DunningState {
  /** running: an execution should exist; stopped: ended from outside (paid, cancelled, paused);
   *  completed: the last step ran. */
  status: 'running' | 'stopped' | 'completed';
  policyId: string;
  policyVersion: number;
  segmentReason: string;
  /** Name of the current (or last) execution: `<invoiceId>--<attempt>`. */
  execution: string;
  attempt: number;
  schedule: Record<DunningSlot, string>;
  callWindowSeconds: number;
  lastStep?: StepRecord;
  stoppedReason?: string;
  /** The last step done before the invoice was settled; 'none' when paid before any step. */
  curedAfter?: DunningSlot | 'none';
}

/** Execution names must be unique per attempt so that StartExecution is idempotent. */
export function executionName(invoiceId: string, attempt: number): string {
  return `${invoiceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}--${attempt}`;
}

/**
 * The dunning state after it was stopped from outside. When the invoice was settled, it records
 * the step it was cured after ('none' when no step had run), which the cure-rate report reads.
 */
export function stoppedDunning(state: DunningState, reason: string, settled: boolean): DunningState {
  return {
    ...state,
    status: 'stopped',
    stoppedReason: reason,
    ...(settled ? { curedAfter: state.lastStep?.slot ?? 'none' } : {}),
  };
}
