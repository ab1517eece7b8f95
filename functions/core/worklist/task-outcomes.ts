import { CALL_OUTCOMES, type TaskKind } from '../tasks/collection-task';

/** What a controller may record of a task that asked them to reach a debtor without an email address. */
const UNREACHABLE_OUTCOMES = ['email_added', 'letter_posted'] as const;

/** Every outcome the API accepts, of whichever kind of task. */
export const TASK_OUTCOMES = [...CALL_OUTCOMES, ...UNREACHABLE_OUTCOMES, 'done'] as const;

export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * The outcomes that fit a kind of task: a call ends in a call outcome; a debtor email could not
 * reach ends with an address added or a letter posted; any other task is simply done.
 */
export function outcomesFor(kind: TaskKind): readonly TaskOutcome[] {
  if (kind === 'call') return CALL_OUTCOMES;
  if (kind === 'unreachable_by_email') return UNREACHABLE_OUTCOMES;
  return ['done'];
}

export function outcomeFits(kind: TaskKind, outcome: TaskOutcome): boolean {
  return outcomesFor(kind).includes(outcome);
}
