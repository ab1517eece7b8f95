import type { StepRecord } from '../../core/dunning/dunning-state';

/**
 * Why a step did not act, as a short fixed word: the StepsSkipped metric is dimensioned by it,
 * so it must stay a small set (the free-text reason goes to the timeline and the outcome).
 */
export type SkipKind =
  | 'invoice_missing'
  | 'not_collecting'
  | 'stale_execution'
  | 'dunning_stopped'
  | 'not_in_policy'
  | 'channel_not_connected'
  | 'no_email_address'
  | 'no_postal_address'
  | 'included_in_letter'
  | 'fourteen_day_letter_missing'
  | 'below_agency_minimum'
  | 'no_delivered_letter'
  | 'special_management'
  | 'no_mobile_number'
  | 'sms_opted_out'
  | 'included_in_text';

/** A business "no": the workflow moves on; only infrastructure faults throw. */
export interface Skipped {
  status: 'skipped';
  reason: string;
  skip: SkipKind;
}

export function skipped(skip: SkipKind, reason: string): Skipped {
  return { status: 'skipped', reason, skip };
}

/**
 * The answer to a task that already ran for this invoice and slot (an ASL retry after the work
 * was committed, or a restored execution): what was recorded then, and nothing is done again.
 */
export interface Replayed {
  status: StepRecord['status'];
  reason?: string;
  replayed: true;
}

export function replayed(step: StepRecord): Replayed {
  return { status: step.status, ...(step.reason ? { reason: step.reason } : {}), replayed: true };
}
