import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { isPaused, type PauseReason } from '../../core/dunning/dunning-pause';
import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import { isCollecting } from '../../core/ledger/invoice';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { retryOnConflict, revised } from '../record-versions';
import { type DunningDeps, resumeSlotAfter, startDunning } from './start-dunning';

/**
 * How a pause ended for one invoice: resumed at the step after the last one done; cleared (the
 * invoice is not due yet: the sweep starts its dunning when it falls due); settled (nothing left
 * to collect); or not paused for this reason any more (someone else ended it first).
 */
export type ResumeResult = 'resumed' | 'cleared' | 'settled' | 'not_paused';

/**
 * Ends a pause: starts a new execution at the step after the last one done, never at the
 * friendly reminder again. Only the pause that is named ends: an invoice paused since for
 * another reason stays paused. Re-reads the invoice and retries on a concurrent change.
 */
export async function resumeDunning(
  deps: DunningDeps,
  invoiceId: string,
  pause: { reason: PauseReason; ref?: string },
  actor: string,
  /**
   * A pause that makes the rest due at once (a broken payment plan) resumes no earlier than
   * `atLeast`, and that step acts today.
   */
  options: { atLeast?: DunningSlot } = {},
): Promise<ResumeResult> {
  return retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (!invoice || !isCollecting(invoice)) return 'settled';
    const dunning = invoice.dunning;
    if (!isPaused(dunning) || dunning.pausedFor !== pause.reason) return 'not_paused';
    if (pause.ref !== undefined && dunning.pauseRef !== pause.ref) return 'not_paused';

    const now = deps.clock.now();
    const today = localDate(now, BUSINESS_TIME_ZONE);
    if (dunning.attempt === 0 && invoice.dueDate >= today) {
      // Never started and not overdue: the invoice goes back to waiting for its due date.
      const { dunning: _paused, ...rest } = invoice;
      await deps.store.commit([
        { kind: 'putInvoice', invoice: revised(rest, {}, now), expectedVersion: invoice.version },
      ]);
      return 'cleared';
    }
    const after = resumeSlotAfter(dunning, DUNNING_SLOTS);
    const resumeAt =
      after && options.atLeast && DUNNING_SLOTS.indexOf(options.atLeast) > DUNNING_SLOTS.indexOf(after)
        ? options.atLeast
        : after;
    const debtor = await debtorOfInvoice(deps.store, invoice);
    if (!resumeAt) {
      // Every step ran before the pause: there is nothing left to resume.
      await deps.store.commit([
        {
          kind: 'putInvoice',
          invoice: revised(invoice, { dunning: { ...dunning, status: 'completed' } }, now),
          expectedVersion: invoice.version,
        },
      ]);
      return 'resumed';
    }
    // Never started (paused before it fell due or on arrival): it starts at its age as a new one
    // would, unless a broken plan makes a later step due at once.
    const at = dunning.attempt === 0 && !options.atLeast ? {} : { resumeAt };
    await startDunning(deps, invoice, debtor, {
      reason: 'resumed',
      ...at,
      actor,
      ...(options.atLeast ? { atOnce: true } : {}),
    });
    return 'resumed';
  });
}
