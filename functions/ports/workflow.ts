import type { DunningSlot } from '../core/dunning/dunning-slot';
import type { ParkSeconds } from '../core/dunning/schedule';

/** What one dunning execution is started with (see statemachines/dunning.asl.json). */
export interface DunningExecutionInput {
  invoiceId: string;
  /** The execution's own name: the ASL's context object cannot be relied on locally. */
  execution: string;
  resumeAt: DunningSlot;
  schedule: Record<DunningSlot, string>;
  callWindowSeconds: number;
  /** How long each step's task parks until the next step (DunningPlan). */
  parkSeconds: ParkSeconds;
}

export type ExecutionStatus =
  'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface ExecutionSummary {
  name: string;
  status: ExecutionStatus;
  startedAt: string;
  stoppedAt?: string;
  /** The invoice its input names: whose dunning this execution is. */
  invoiceId?: string;
}

/** Whether an execution that is no longer running failed (a step threw through its retries). */
export function hasFailed(execution: Pick<ExecutionSummary, 'status'> | undefined): boolean {
  return execution?.status === 'FAILED' || execution?.status === 'TIMED_OUT';
}

/**
 * StartExecution found an execution of that name whose input belongs to another invoice. Never
 * taken as "already running": the invoice would go undunned while its view says it runs.
 */
export class ExecutionNameTaken extends Error {
  constructor(
    readonly execution: string,
    readonly invoiceId: string,
    readonly ownerInvoiceId: string | undefined,
  ) {
    super(
      `execution ${execution} of invoice ${invoiceId} already exists for ${ownerInvoiceId ? `invoice ${ownerInvoiceId}` : 'another input'}`,
    );
    this.name = 'ExecutionNameTaken';
  }
}

/** The dunning workflow engine (Step Functions in AWS and locally). */
export interface DunningWorkflow {
  /**
   * Idempotent for the same name and invoice: an existing execution of that name for this invoice
   * is not an error (`started: false`); one for another invoice throws ExecutionNameTaken.
   */
  start(input: DunningExecutionInput): Promise<{ started: boolean }>;
  /** Stops an execution; stopping one that already ended is not an error. */
  stop(execution: string, reason: string): Promise<void>;
  describe(execution: string): Promise<ExecutionSummary | undefined>;
  /** Names of every running execution. */
  running(): Promise<Set<string>>;
  /** Completes a parked task (the call step) with its outcome. */
  completeTask(taskToken: string, output: unknown): Promise<'completed' | 'gone'>;
}
