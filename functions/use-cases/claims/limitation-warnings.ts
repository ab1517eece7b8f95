import { addDays, addYears, type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DEFAULT_LAPSE_WARNING_DAYS } from '../../core/legal/limitation';
import type { Clock } from '../../ports/clock';
import {
  ConcurrentModificationError,
  type CreditStore,
  type InvoiceRecord,
  type TaskRecord,
} from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { policyOfInvoice } from './invoice-policy';
import { type LimitationWarning, limitationWarning } from './limitation-warning-task';
import { isUnderSpecialManagement } from '../../core/special/special-management';

export interface LimitationWarningDeps {
  store: CreditStore;
  clock: Clock;
}

/** The shortest limitation period (art. 7:28 BW); reminders only ever make a claim lapse later. */
const SHORTEST_PERIOD_YEARS = 2;

/**
 * The last due date whose claim can lapse within the warning window from `today`: a claim due
 * later cannot lapse that soon even without any reminder.
 */
export function latestDueDateWatched(today: CalendarDate): CalendarDate {
  return addDays(addYears(today, -SHORTEST_PERIOD_YEARS), DEFAULT_LAPSE_WARNING_DAYS);
}

/**
 * Called by the daily sweep for every open invoice and every claim at the agency: raises a 'limitation_warning' task when the
 * claim lapses within 90 days, once per lapse date. Returns the task it raised, or null.
 *
 * Nearly every open invoice is far from lapsing, and the sweep reads every one each day; those
 * that cannot lapse within the window even without any reminder cost no read at all.
 */
export async function warnOfLapsingClaim(
  deps: LimitationWarningDeps,
  invoice: InvoiceRecord,
): Promise<TaskRecord | null> {
  const now = deps.clock.now();
  const today = localDate(now, BUSINESS_TIME_ZONE);
  const earliestLapse = addYears(addDays(invoice.dueDate, 1), SHORTEST_PERIOD_YEARS);
  if (daysBetween(today, earliestLapse) > DEFAULT_LAPSE_WARNING_DAYS) return null;

  const debtor = await debtorOfInvoice(deps.store, invoice);
  const [timeline, policy] = await Promise.all([
    deps.store.timeline({ invoiceId: invoice.id }),
    policyOfInvoice(deps.store, invoice, debtor),
  ]);
  const found = limitationWarning({
    invoice,
    debtor,
    timeline,
    legal: policy.legal,
    today,
    at: now.toISOString(),
  });
  // A dormant claim under special management (no recourse now, perhaps later) is the special team's to keep alive.
  const warning = found && isUnderSpecialManagement(debtor) ? forSpecialTeam(found) : found;
  if (!warning || (await deps.store.getTask(warning.task.id))) return null;
  try {
    await deps.store.commit([
      { kind: 'putTask', task: warning.task, expectedVersion: null },
      { kind: 'appendEvent', subject: { invoiceId: invoice.id }, event: warning.event },
    ]);
  } catch (error) {
    // A second sweep raised the same warning a moment ago.
    if (error instanceof ConcurrentModificationError) return null;
    throw error;
  }
  return warning.task;
}

/** The warning on the special team's list, as every task of a debtor under its management. */
function forSpecialTeam(warning: LimitationWarning): LimitationWarning {
  return { ...warning, task: { ...warning.task, forRole: 'special' } };
}
