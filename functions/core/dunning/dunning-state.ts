import { createHash } from 'node:crypto';
import type { PauseReason } from './dunning-pause';
import { DUNNING_SLOTS, type DunningSlot } from './dunning-slot';

export type StepStatus = 'sent' | 'done' | 'skipped';

export interface StepRecord {
  slot: DunningSlot;
  status: StepStatus;
  at: string;
  reason?: string;
}

/** Why a dunning waits for a controller instead of being restored again (see `heldForAttention`). */
export interface AttentionNeeded {
  /** When the sweep gave up restoring it. */
  since: string;
  /** The step that kept failing: the one after the last step done. */
  slot: DunningSlot;
  /** How many times it had been restored at that step before. */
  restores: number;
  /** The execution that failed last, whose history holds the error. */
  execution: string;
  /** The controller's task that asks for a look. */
  taskId: string;
}

/**
 * Where an invoice's dunning stands. Kept on the invoice so that the sweep can restore a lost or
 * failed execution at the right step and the API can answer without asking Step Functions.
 */
export interface DunningState {
  /**
   * running: an execution should exist; stopped: ended from outside (paid, cancelled);
   * completed: the last step ran (the invoice may still be open: a policy without a hand-over);
   * needs_attention: a step kept failing after several restores, and a controller must look
   * before it is restarted (POST /invoices/{id}/dunning/restart);
   * paused: no execution until the pause ends (see dunning-pause.ts).
   */
  status: 'running' | 'stopped' | 'completed' | 'needs_attention' | 'paused';
  policyId: string;
  policyVersion: number;
  segmentReason: string;
  /** Name of the current (or last) execution, from `executionName`. */
  execution: string;
  attempt: number;
  schedule: Record<DunningSlot, string>;
  callWindowSeconds: number;
  lastStep?: StepRecord;
  /**
   * The slot the dunning started at when it has done no step yet and did not start at the first:
   * an invoice that arrived late starts at its age (see core/dunning/late-start.ts).
   */
  startSlot?: DunningSlot;
  /**
   * The step a resume made due at once, passing over the steps before it (a broken payment plan
   * resumes at the final notice): it is the invoice's next step, whatever the last one done was.
   */
  resumedAtOnce?: DunningSlot;
  stoppedReason?: string;
  /** The last step done before the invoice was settled; 'none' when paid before any step. */
  curedAfter?: DunningSlot | 'none';
  /**
   * Restores after a failed execution since the last step was done. Reset by every recorded step
   * and by a restart by hand; an execution lost with its engine (not failed) does not count.
   */
  restores?: number;
  /** Set while the status is 'needs_attention'. */
  attention?: AttentionNeeded;
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

/** Step Functions allows execution names of at most 80 characters. */
const EXECUTION_NAME_LIMIT = 80;
/** Enough of the invoice id to recognise it in the console; the hash keeps names apart. */
const READABLE_PREFIX_LENGTH = 48;
/** 64 bits of SHA-256: two invoice ids that share a readable prefix still get different names. */
const HASH_LENGTH = 16;

/**
 * The part of every execution name of an invoice before `--<attempt>`: a readable prefix of the
 * id (characters Step Functions and CloudWatch accept, the rest replaced by '_') and a hash of the
 * whole id. The prefix alone is not unique: `rp/col/0001` and `rp_col_0001` share it, as do two
 * long ids with the same beginning; the hash of the full id tells them apart.
 */
export function executionStem(invoiceId: string): string {
  const readable = invoiceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, READABLE_PREFIX_LENGTH);
  const hash = createHash('sha256').update(invoiceId, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  return `${readable}-${hash}`;
}

/**
 * The execution name of one attempt of an invoice's dunning: unique per invoice and attempt, so
 * that StartExecution is idempotent per attempt and never answers for another invoice.
 *
 * Invoices whose dunning began under the former scheme (`<sanitised id cut to 60>--<attempt>`)
 * need no migration: an invoice stores its execution's name, and every reader (the step tasks,
 * the sweep, stop and the invoice view) uses that stored name; only a new attempt takes a name
 * of this form.
 */
export function executionName(invoiceId: string, attempt: number): string {
  const name = `${executionStem(invoiceId)}--${attempt}`;
  if (name.length > EXECUTION_NAME_LIMIT)
    throw new Error(`attempt ${attempt} makes the execution name too long`);
  return name;
}

/**
 * The dunning state after it was stopped from outside. When the invoice was settled, it records
 * the step it was cured after ('none' when no step had run), which the cure-rate report reads.
 */
export function stoppedDunning(state: DunningState, reason: string, settled: boolean): DunningState {
  const { attention: _attention, ...rest } = state;
  return {
    ...rest,
    status: 'stopped',
    stoppedReason: reason,
    ...(settled ? { curedAfter: state.lastStep?.slot ?? 'none' } : {}),
  };
}

/** The state machine's last slot: once it is recorded, the execution has nothing left to do. */
export const LAST_SLOT: DunningSlot = DUNNING_SLOTS[DUNNING_SLOTS.length - 1] ?? 'collectionAgency';

/**
 * The dunning state once `step` was done (or decided skipped) by its execution: the step becomes
 * the last one done, which clears the count of failed restores (the dunning moved on). The last
 * slot of the machine ends a running dunning: a policy without a hand-over (key accounts, claims
 * below the agency minimum) leaves the invoice overdue, on the worklists, with nothing more for
 * the workflow to do; 'completed' tells the sweep so.
 */
export function withStepDone(state: DunningState, step: StepRecord): DunningState {
  const { restores: _restores, ...rest } = state;
  const ends = step.slot === LAST_SLOT && state.status === 'running';
  return { ...rest, lastStep: step, ...(ends ? { status: 'completed' } : {}) };
}

/** Whether every slot of the machine has run for this dunning (nothing is left to restore). */
export function ranEveryStep(state: DunningState): boolean {
  return state.lastStep?.slot === LAST_SLOT;
}

/** The number of restores after failed executions, before the sweep hands the invoice to a controller. */
export const DEFAULT_RESTORE_LIMIT = 3;

/**
 * What the sweep does with a running dunning whose execution is gone. A failed execution (a step
 * threw through all its retries) is restored up to `restoreLimit` times at the same step; after
 * that the failure is taken as one that another try will not cure (a poison invoice), and the
 * dunning waits for a controller. An execution lost without failing (aborted, or gone with a
 * restart of the engine) says nothing about the invoice and is restored without counting.
 */
export function afterExecutionEnded(
  state: DunningState,
  execution: { failed: boolean },
  restoreLimit: number,
): { action: 'restore'; restores: number } | { action: 'hold' } {
  const restores = state.restores ?? 0;
  if (!execution.failed) return { action: 'restore', restores };
  if (restores >= restoreLimit) return { action: 'hold' };
  return { action: 'restore', restores: restores + 1 };
}

/** The dunning held for a controller after its step kept failing. */
export function heldForAttention(state: DunningState, attention: AttentionNeeded): DunningState {
  return {
    ...state,
    status: 'needs_attention',
    stoppedReason: `step ${attention.slot} failed after ${attention.restores} restores`,
    attention,
  };
}
