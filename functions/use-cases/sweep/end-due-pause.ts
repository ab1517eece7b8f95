import type { CalendarDate } from '../../core/calendar/calendar-date';
import { isPaused, isPauseDue } from '../../core/dunning/dunning-pause';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { endDueHold } from '../holds/end-hold';
import { holdUnderDebtor } from '../holds/place-hold';
import { followUpPromise } from '../promises/follow-up-promise';

/**
 * The sweep's part in a pause. A paused invoice has no execution waiting for the pause to end:
 * the sweep, which reads every overdue open invoice each day anyway, ends the pause on its day
 * (a promise's follow-up day, a hold's last day, the last day of the wait for a requested plan). That costs no state transitions while the
 * invoice is paused, where an execution waiting for the day would cost two per pause.
 * Paused for another reason, or not yet due: untouched, and never mistaken for a lost execution.
 */
export async function endDuePause(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  today: CalendarDate,
): Promise<'resumed' | 'untouched'> {
  const dunning = invoice.dunning;
  if (!isPaused(dunning) || !isPauseDue(dunning, today)) return 'untouched';
  switch (dunning.pausedFor) {
    case 'promise': {
      const decided = dunning.pauseRef ? await followUpPromise(deps, dunning.pauseRef) : 'missing';
      if (decided === 'missing') await resumeDunning(deps, invoice.id, { reason: 'promise' }, 'sweep');
      break;
    }
    case 'hold':
      await endDueHold(deps, invoice, dunning);
      break;
    case 'plan_requested':
      // No plan was set up within the week (a plan would have replaced this pause): go on.
      await resumeDunning(deps, invoice.id, { reason: 'plan_requested' }, 'sweep');
      break;
    default:
      return 'untouched';
  }
  const after = await deps.store.getInvoice(invoice.id);
  return isPaused(after?.dunning) ? 'untouched' : 'resumed';
}

/** An invoice that falls due while its debtor is on hold is paused under the hold instead of dunned. */
export async function pausedUnderDebtorHold(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
  today: CalendarDate,
): Promise<boolean> {
  if (!debtor.hold || debtor.hold.until <= today) return false;
  return holdUnderDebtor(deps, invoice.id, debtor.hold);
}
