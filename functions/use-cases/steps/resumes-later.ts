import { DUNNING_SLOTS } from '../../core/dunning/dunning-slot';
import type { StepPayload } from './step-payload';
import type { WorkflowBranch } from './workflow-branch';

/**
 * Every execution enters the state machine at its first Wait and first task: Step Functions has
 * no "start at this state", and a Choice as the first state would cost every new execution one
 * transition (a twelfth of a full escalation) to serve the few that resume. A resumed or restored
 * execution's first Wait returns at once (its slots before `resumeAt` are planned at "now"); its
 * first task throws this instead of acting, and the task's Catch in statemachines/dunning.asl.json
 * hands it to the ResumeAtStep choice. Thrown, not returned, because only a Catch can branch.
 */
export class ResumesLaterError extends Error implements WorkflowBranch {
  /** A branch of the workflow, not a fault: its stack is not mapped to the sources. */
  readonly workflowBranch = true as const;

  constructor(readonly resumeAt: string) {
    super(`the execution resumes at ${resumeAt}`);
    this.name = 'ResumesLaterError';
  }
}

/** Whether the execution that runs this task resumes at a slot after the task's own. */
export function resumesAfter({ step, resumeAt }: StepPayload): boolean {
  return resumeAt !== undefined && DUNNING_SLOTS.indexOf(resumeAt) > DUNNING_SLOTS.indexOf(step);
}
