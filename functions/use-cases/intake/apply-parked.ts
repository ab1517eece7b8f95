import { DEFAULT_INSOLVENCY_CLAIM_DAYS } from '../../core/special/insolvency';
import { checkInsolvencyRegister } from '../special/insolvency-register';
import { webhookEvent } from '../../api/schemas/webhook-events';
import type { CreditStore, DebtorRecord, ParkedEvent, StoreWrite } from '../../ports/credit-store';
import { logger } from '../../shared/observability';
import { stopExecutionOf } from '../dunning/stop-dunning';
import { closeDisputeOnSettlement, creditNoteOnDispute } from '../disputes/dispute-credit';
import { decidePromiseOnSettlement } from '../promises/promise-settlement';
import { retryOnConflict } from '../record-versions';
import { Refusal } from '../refusal';
import { applyEvent } from './apply-event';
import { refusalWrites } from './refused-event';
import { confirmPlanLowered } from '../plans/lower-plan';
import { type FollowUp, INVOICING_SYSTEM, type IntakeDeps, type Subject, subjectKey } from './effect';
import { setOffCredit } from './set-off-credit';
import { startDunningIfOverdue } from './start-dunning-if-overdue';
import { closeTasksOfClosedInvoice } from '../worklist/close-tasks';
import { liftCreditHoldIfDue } from '../credit/lift-credit-hold';
import { announceGoodPayer } from '../score/announce-good-payer';
import { tellAgencyOfDirectPayment } from '../collection-agency/tell-agency-of-payment';

/**
 * Runs the work an effect left for after its commit, in order. What a follow-up leaves known
 * without a read is handed on to the next (see `Seen`): the invoice the commit stored, while no
 * follow-up has written anything, and the debtor as a set-off that wrote nothing read them.
 */
export async function runFollowUps(deps: IntakeDeps, followUps: readonly FollowUp[]): Promise<void> {
  let untouched = true;
  let debtor: DebtorRecord | undefined;
  for (const followUp of followUps) {
    const debtorBefore = debtor;
    debtor = undefined;
    switch (followUp.kind) {
      case 'applyParked':
        if (await applyParked(deps, followUp.subject, followUp.stored)) untouched = false;
        else debtor = debtorBefore;
        break;
      case 'startDunningIfOverdue':
        await startDunningIfOverdue(
          deps,
          followUp.invoiceId,
          untouched ? { invoice: followUp.stored, debtor: debtorBefore } : {},
        );
        untouched = false;
        break;
      case 'stopExecution':
        untouched = false;
        await stopExecutionOf(deps.workflow, followUp.before, followUp.reason);
        await decidePromiseOnSettlement(deps, followUp.before);
        await closeDisputeOnSettlement(deps, followUp.before);
        await closeTasksOfClosedInvoice(deps, followUp.before.id);
        if (deps.notifier) {
          await liftCreditHoldIfDue({ ...deps, notifier: deps.notifier }, followUp.before.debtorId);
          await announceGoodPayer({ ...deps, notifier: deps.notifier }, followUp.before.debtorId);
        }
        break;
      case 'creditNoteOnDispute':
        untouched = false;
        await creditNoteOnDispute(deps, followUp);
        break;
      case 'setOffCredit':
        debtor = await setOffCredit(deps, followUp.debtorId, followUp.currency);
        if (!debtor) untouched = false;
        break;
      case 'stopPlanExecution':
        await deps.plans?.stop(followUp.execution, followUp.reason);
        break;
      case 'confirmPlanLowered':
        untouched = false;
        await confirmPlanLowered(deps, followUp.lowered, INVOICING_SYSTEM);
        break;
      case 'checkInsolvencyRegister':
        untouched = false;
        await checkInsolvencyRegister(
          { ...deps, claimDays: deps.claimDays ?? DEFAULT_INSOLVENCY_CLAIM_DAYS },
          followUp.debtorId,
        );
        break;
      case 'tellAgencyOfPayment':
        untouched = false;
        await tellAgencyOfDirectPayment(deps, followUp);
        break;
    }
  }
}

/**
 * Applies the events that came before `subject` existed, in the order they happened in the
 * invoicing system. Called when the subject has just been stored (`stored`: no read needed to
 * know it exists), and by an event that was just parked: its subject may have arrived while it
 * was being parked, and then nobody else would come back for it. Says whether it found any.
 */
async function applyParked(deps: IntakeDeps, subject: Subject, stored = false): Promise<boolean> {
  if (!stored && !(await exists(deps.store, subject))) return false;
  const waiting = await deps.store.parked(subjectKey(subject));
  waiting.sort(
    (a, b) => a.event.timestamp.localeCompare(b.event.timestamp) || a.receivedAt.localeCompare(b.receivedAt),
  );
  for (const event of waiting) await runFollowUps(deps, await applyOne(deps, event));
  return waiting.length > 0;
}

/**
 * Applies one parked event exactly once. Its delivery was answered when it was parked, so the
 * application is recorded under its own marker, in the same transaction as its effect and the
 * removal from the parking place: two invocations that reach it at once cannot both apply it.
 */
async function applyOne(deps: IntakeDeps, waiting: ParkedEvent): Promise<FollowUp[]> {
  const marker = `${waiting.deliveryId}#applied`;
  const log = { deliveryId: waiting.deliveryId, subject: waiting.subject, type: waiting.event.type };
  // Stored before the last deploy, perhaps: checked again rather than trusted.
  const parsed = webhookEvent.safeParse(waiting.event);
  if (!parsed.success) {
    logger.error('Parked event no longer matches the webhook schema; it stays parked', log);
    return [];
  }

  return retryOnConflict(async () => {
    if (await deps.store.getDelivery(marker)) return [];
    const at = deps.clock.now();
    const effect = await applyEvent(deps, parsed.data, at).catch((error: unknown) => {
      // A business refusal (say, a payment in another currency than its invoice) has nobody to
      // answer to now: the event stays parked (a corrected debtor may still take it), and a task
      // and a timeline entry tell a controller why.
      if (error instanceof Refusal) return { outcome: 'refused' as const, error };
      throw error;
    });
    if (effect.outcome === 'refused') {
      logger.warn('Parked event cannot be applied; it stays parked', { ...log, code: effect.error.code });
      const writes = await refusalWrites(deps.store, waiting, parsed.data, effect.error, at);
      if (writes.length > 0) await deps.store.commit(writes);
      return [];
    }
    // Records are never deleted, so an event whose subject exists does not wait for anything else.
    if (effect.outcome === 'parked') return [];
    const writes: StoreWrite[] = [
      ...effect.writes,
      { kind: 'unpark', parked: waiting },
      {
        kind: 'recordDelivery',
        delivery: {
          id: marker,
          receivedAt: at.toISOString(),
          statusCode: 200,
          response: { status: 'applied' },
        },
      },
    ];
    await deps.store.commit(writes);
    logger.info('Parked event applied', log);
    return effect.followUps;
  });
}

async function exists(store: CreditStore, subject: Subject): Promise<boolean> {
  switch (subject.kind) {
    case 'invoice':
      return (await store.getInvoice(subject.id)) !== undefined;
    case 'debtor':
      return (await store.getDebtor(subject.id)) !== undefined;
    case 'reference':
      return (await store.findInvoiceIdByReference(subject.id)) !== undefined;
  }
}
