import type { DunningSlot } from './dunning-slot';
import type { PauseReason } from './dunning-pause';

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
  /** running: an execution should exist; stopped: ended from outside (paid, cancelled);
   *  completed: the last step ran; paused: no execution until the pause ends (see dunning-pause.ts). */
  status: 'running' | 'stopped' | 'completed' | 'paused';
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
  /** While paused: why (a promise, a hold…), who paused it and when, until which day where known. */
  pausedFor?: PauseReason;
  pausedBy?: string;
  pausedAt?: string;
  /** The day the pause ends (a hold) or is followed up (a promise): the daily sweep acts on it. */
  pausedUntil?: string;
  /** The record that paused it: the promise's id, or `debtor` for a hold on the whole debtor. */
  pauseRef?: string;
  /** The reason given for a hold. */
  pauseNote?: string;
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
