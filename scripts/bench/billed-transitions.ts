/** The part of a GetExecutionHistory event the count needs. */
export interface HistoryEventLike {
  type?: string;
}

const ATTEMPT_STARTS = new Set(['TaskScheduled', 'LambdaFunctionScheduled']);

/**
 * State transitions as AWS bills Standard workflows: one for every state entered, and one for
 * every retry of a task (AWS counts retries as transitions). In a history, a state entered is a
 * `*StateEntered` event; a retry is a second or later TaskScheduled / LambdaFunctionScheduled
 * after the same TaskStateEntered. Ending the execution (succeeded, aborted) is not a transition.
 */
export function billedTransitions(events: readonly HistoryEventLike[]): number {
  let transitions = 0;
  let attemptsOfCurrentTask = 0;
  for (const { type = '' } of events) {
    if (type.endsWith('StateEntered')) {
      transitions += 1;
      attemptsOfCurrentTask = 0;
    } else if (ATTEMPT_STARTS.has(type)) {
      attemptsOfCurrentTask += 1;
      if (attemptsOfCurrentTask > 1) transitions += 1;
    }
  }
  return transitions;
}
