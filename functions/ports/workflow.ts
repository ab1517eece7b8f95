import type { DunningSlot } from '../core/dunning/dunning-slot';

/** What one dunning execution is started with (see statemachines/dunning.asl.json). */
export interface DunningExecutionInput {
  invoiceId: string;
  /** The execution's own name: the ASL's context object cannot be relied on locally. */
  execution: string;
  resumeAt: DunningSlot;
  schedule: Record<DunningSlot, string>;
  callWindowSeconds: number;
}

export type ExecutionStatus =
  'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface ExecutionSummary {
  name: string;
  status: ExecutionStatus;
  startedAt: string;
  stoppedAt?: string;
}

/** The dunning workflow engine (Step Functions in AWS and locally). */
export interface DunningWorkflow {
  /** Idempotent for the same name and input; an existing execution of that name is not an error. */
  start(input: DunningExecutionInput): Promise<{ started: boolean }>;
  /** Stops an execution; stopping one that already ended is not an error. */
  stop(execution: string, reason: string): Promise<void>;
  describe(execution: string): Promise<ExecutionSummary | undefined>;
  /** Names of every running execution. */
  running(): Promise<Set<string>>;
  /** Completes a parked task (the call step) with its outcome. */
  completeTask(taskToken: string, output: unknown): Promise<'completed' | 'gone'>;
}
