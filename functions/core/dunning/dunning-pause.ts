import type { CalendarDate } from '../calendar/calendar-date';
import type { DunningState } from './dunning-state';

/**
 * Why an invoice's dunning is paused. Every reason uses the same mechanism: the execution is
 * stopped, the pause is recorded on the invoice, and the pause ends in exactly one of two ways:
 * the invoice is settled, or the dunning resumes at the step after the last one done.
 * Disputes, payment plans and special management are further reasons of the same kind.
 */
export const PAUSE_REASONS = [
  'promise',
  'hold',
  'dispute',
  'payment_plan',
  'special_management',
  /** The debtor asked for a payment plan on the call: paused for at most a week while it is set up. */
  'plan_requested',
] as const;

export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface Pause {
  reason: PauseReason;
  /** Who paused it: 'user:<sub>', 'workflow', 'sweep'. */
  by: string;
  at: string;
  /** The day the pause ends or is followed up, where known. */
  until?: CalendarDate;
  /** The record that paused it (a promise id; `debtor` for a debtor-wide hold; a task id). */
  ref?: string;
  note?: string;
}

/** The record of a debtor-wide hold on each of its invoices. */
export const DEBTOR_HOLD_REF = 'debtor';

export type PausedDunning = DunningState & { status: 'paused'; pausedFor: PauseReason };

export function isPaused(state: DunningState | undefined): state is PausedDunning {
  return state?.status === 'paused' && state.pausedFor !== undefined;
}

/** The dunning state while paused: the plan and the last step done are kept, for the resume. */
export function pausedDunning(state: DunningState, pause: Pause): PausedDunning {
  const { stoppedReason: _reason, ...rest } = state;
  return {
    ...rest,
    status: 'paused',
    pausedFor: pause.reason,
    pausedBy: pause.by,
    pausedAt: pause.at,
    ...(pause.until ? { pausedUntil: pause.until } : {}),
    ...(pause.ref ? { pauseRef: pause.ref } : {}),
    ...(pause.note ? { pauseNote: pause.note } : {}),
  };
}

/** Whether the day has come on which the sweep ends (or follows up) the pause. */
export function isPauseDue(state: PausedDunning, today: CalendarDate): boolean {
  return state.pausedUntil !== undefined && state.pausedUntil <= today;
}
