import { randomUUID } from 'node:crypto';
import { localDate } from '../../core/calendar/time-zone';
import { type Dispute, type DisputeCause, disputeIssues, respondByDay } from '../../core/disputes/dispute';
import { disputeSlaDaysOf } from '../../core/dunning/dunning-policy';
import { formatMoney } from '../../core/money';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { Notifier } from '../../ports/notifier';
import { logger } from '../../shared/observability';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import {
  pausedInvoice,
  pauseWrites,
  refuseUnlessPausable,
  stopPausedExecutions,
} from '../dunning/pause-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { firstVersion, retryOnConflict } from '../record-versions';
import { invalid, notFound } from '../refusal';
import { type DisputeView, disputeView } from './dispute-view';

export interface DisputeDeps extends DunningDeps {
  notifier: Notifier;
}

export interface RaiseDisputeInput {
  invoiceId: string;
  cause: DisputeCause;
  amount?: number;
  note: string;
  documents?: readonly string[];
  /** The user's id (`sub`). */
  by: string;
  /** The call task whose outcome the dispute is. */
  taskId?: string;
}

/**
 * Records a dispute and pauses the invoice's dunning: no letter, call or escalation while it is
 * open. The dispute, the paused invoice, the timeline entries and any other writes of the caller
 * land in one transaction; then the running execution is stopped and whoever owns disputes of
 * the cause is told on the `disputes` topic.
 */
export async function raiseDispute(
  deps: DisputeDeps,
  input: RaiseDisputeInput,
  alsoWrite: () => Promise<StoreWrite[]> = async () => [],
): Promise<DisputeView> {
  const { dispute, before } = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(input.invoiceId);
    if (!invoice) throw notFound(`Invoice ${input.invoiceId} does not exist.`, 'invoice_not_found');
    const issues = disputeIssues({
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      openAmount: invoice.openAmount,
    });
    if (issues.length > 0) throw invalid(issues, 'The dispute cannot be recorded as asked.');
    refuseUnlessPausable(invoice, 'dispute', 'dispute');

    const now = deps.clock.now();
    const debtor = await debtorOfInvoice(deps.store, invoice);
    const policy = await policyOfInvoice(deps.store, invoice, debtor);
    const raisedOn = localDate(now, policy.timeZone);
    const at = now.toISOString();
    const actor = `user:${input.by}`;
    const dispute: Dispute = {
      id: `dispute-${randomUUID()}`,
      invoiceId: invoice.id,
      debtorId: debtor.id,
      cause: input.cause,
      amount: input.amount ?? invoice.openAmount,
      currency: invoice.currency,
      note: input.note,
      documents: [...(input.documents ?? [])],
      status: 'open',
      raisedBy: actor,
      raisedAt: at,
      raisedOn,
      respondBy: respondByDay(raisedOn, disputeSlaDaysOf(policy)),
      ...(input.taskId ? { taskId: input.taskId } : {}),
    };
    const paused = await pausedInvoice(
      deps.store,
      invoice,
      debtor,
      { reason: 'dispute', by: actor, at, ref: dispute.id, note: input.note },
      now,
    );
    const money = formatMoney({ amount: dispute.amount, currency: dispute.currency }, 'en');
    const writes: StoreWrite[] = [
      { kind: 'putDispute', dispute: firstVersion(dispute, at), expectedVersion: null },
      ...pauseWrites(invoice, paused, `Dunning paused for a dispute (${dispute.cause.replace('_', ' ')})`),
      {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'dispute_raised',
          actor,
          summary: `Dispute over ${money} raised by ${input.by}: ${dispute.cause.replace('_', ' ')}; respond by ${dispute.respondBy}`,
          details: {
            disputeId: dispute.id,
            cause: dispute.cause,
            amount: dispute.amount,
            respondBy: dispute.respondBy,
            ...(input.taskId ? { taskId: input.taskId } : {}),
          },
        },
      },
    ];
    await deps.store.commit([...writes, ...(await alsoWrite())]);
    return { dispute, before: invoice };
  });
  await stopPausedExecutions(deps.workflow, [before], 'dispute');
  await announce(deps.notifier, dispute, before);
  return disputeView(dispute);
}

/**
 * Tells the owners of the cause. After the commit: the dispute stands and the dunning is paused
 * whether or not the message goes out, and a lost message is logged rather than undoing either.
 */
async function announce(notifier: Notifier, dispute: Dispute, invoice: InvoiceRecord): Promise<void> {
  try {
    await notifier.publish({
      topic: 'disputes',
      subject: `Dispute on invoice ${invoice.number}: ${dispute.cause}`,
      message: {
        disputeId: dispute.id,
        invoiceId: dispute.invoiceId,
        invoiceNumber: invoice.number,
        debtorId: dispute.debtorId,
        cause: dispute.cause,
        amount: { amount: dispute.amount, currency: dispute.currency },
        note: dispute.note,
        documents: dispute.documents,
        raisedBy: dispute.raisedBy,
        respondBy: dispute.respondBy,
      },
      attributes: { cause: dispute.cause },
    });
  } catch (error) {
    logger.error('The dispute notification could not be published', {
      disputeId: dispute.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
