import type { Clock } from '../../ports/clock';
import type { DunningWorkflow } from '../../ports/workflow';

/**
 * How far a park's end may lie from the next step's planned time and still stand in for its Wait:
 * the function runs within moments of the state's start, and a retried attempt a little later.
 */
export const PARK_TOLERANCE_MS = 60_000;

/** What a parking task state passes on (see statemachines/dunning.asl.json). */
export interface Park {
  /** The token of the task state, which nobody else is given. */
  taskToken: string;
  /** The next step's planned time: when its Wait would return. */
  nextStepAt: string;
  /**
   * The state's time limit, which the plan made end at `nextStepAt`, or Lambda's longest run where
   * the next step is due sooner (DunningPlan's parkSeconds): then the park would end late.
   */
  seconds: number;
}

/**
 * Whether a park of `seconds` from now ends when the next step's Wait would: at its planned time,
 * or at once when that has passed (the plan's least park, 1 second, stands for "at once"). It does
 * when the step ran on time. It does not when the step was deferred (a sending pause, quiet hours)
 * or a retried attempt came long after: a park of the planned length would bring the next step
 * late as well. A park never ends early: a step's task never starts before its planned time.
 */
export function parkEndsAtNextStep(now: Date, park: Pick<Park, 'nextStepAt' | 'seconds'>): boolean {
  const parkEnds = now.getTime() + park.seconds * 1000;
  const waitEnds = Math.max(Date.parse(park.nextStepAt), now.getTime());
  return Math.abs(parkEnds - waitEnds) <= PARK_TOLERANCE_MS;
}

/**
 * After a step has acted (or skipped): leaves its task state parked until its time limit, which the
 * plan made the next step's planned time, so the workflow goes straight on to the next step's task
 * (`parked`), or answers the token at once when the park would end elsewhere (`parkEndsAtNextStep`),
 * so that the next step's Wait waits for the step's own time. The outcome is what the Wait's path
 * then records as `lastStep`.
 * A payload without a park (an execution started before the steps parked) returns as it was.
 */
export async function parkUntilNextStep<O extends object>(
  deps: { clock: Clock; workflow: DunningWorkflow },
  park: Park | undefined,
  outcome: O,
): Promise<O & { parked?: boolean }> {
  if (!park) return outcome;
  if (parkEndsAtNextStep(deps.clock.now(), park)) return { ...outcome, parked: true };
  await deps.workflow.completeTask(park.taskToken, outcome);
  return { ...outcome, parked: false };
}
