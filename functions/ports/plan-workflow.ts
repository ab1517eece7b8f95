import type { InstalmentTimes } from '../core/plans/plan-schedule';
import type { ExecutionStatus } from './workflow';

/** What one execution of statemachines/payment-plan.asl.json is started with. */
export interface PlanExecutionInput {
  planId: string;
  /** The execution's own name: the ASL's context object cannot be relied on locally. */
  execution: string;
  /** The first instalment it waits for; each check hands on the next. */
  instalment: InstalmentTimes;
}

/** The payment-plan workflow engine (Step Functions in AWS and locally). */
export interface PlanWorkflow {
  /** Idempotent per execution name: one that exists already is not an error (`started: false`). */
  start(input: PlanExecutionInput): Promise<{ started: boolean }>;
  /** Stops an execution; stopping one that already ended is not an error. */
  stop(execution: string, reason: string): Promise<void>;
  /** The execution's status; undefined when there is none of that name (never started, or lost). */
  status(execution: string): Promise<ExecutionStatus | undefined>;
}
