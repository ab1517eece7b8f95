import { randomUUID } from 'node:crypto';
import { localDate } from '../../core/calendar/time-zone';
import {
  type Dispute,
  type DisputeCause,
  type DisputeDocument,
  disputeIssues,
  documentOf,
  isPartOfInvoice,
  respondByDay,
} from '../../core/disputes/dispute';
import type { DisputeCauseEntry } from '../../core/disputes/dispute-causes';
import { disputeSlaDaysOf } from '../../core/dunning/dunning-policy';
import { formatMoney } from '../../core/money';
import { ownerStamp } from '../../core/worklist/account-owner';
import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
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
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { knownCause } from '../settings/dispute-causes';
import { type DisputeView, disputeView } from './dispute-view';

export interface DisputeDeps extends DunningDeps {
  notifier: Notifier;
}

export interface RaiseDisputeInput {
  invoiceId: string;
  cause: DisputeCause;
  amount?: number;
  note: string;
  documents?: readonly (string | DisputeDocument)[];
  /** The user's id (`sub`). */
  by: string;
  /** The call task whose outcome the dispute is. */
  taskId?: string;
  /** Who the timeline names instead of `user:<by>`: `debtor` for a dispute from the self-service page. */
  actor?: string;
}

/**
 * Records a dispute over one invoice. Over all that is open, it pauses the invoice's dunning: no
 * letter, call or escalation while it is open; the running execution is stopped after the
 * commit. Over part of it (`amount` below the open amount), only that part is set aside: the
 * dunning goes on and its letters ask for the rest. Either way the dispute, the invoice, the
 * timeline entries and any other writes of the caller land in one transaction, and whoever owns
 * disputes of the cause is told on the `disputes` topic.
 */
export async function raiseDispute(
  deps: DisputeDeps,
  input: RaiseDisputeInput,
  alsoWrite: () => Promise<StoreWrite[]> = async () => [],
): Promise<DisputeView> {
  const cause = await knownCause(deps.store, input.cause);
  const { dispute, before, paused } = await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(input.invoiceId);
    if (!invoice) throw notFound(`Invoice ${input.invoiceId} does not exist.`, 'invoice_not_found');
    const issues = disputeIssues({
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      openAmount: invoice.openAmount,
    });
    if (issues.length > 0) throw invalid(issues, 'The dispute cannot be recorded as asked.');
    const partial = isPartOfInvoice(input.amount, invoice.openAmount);
    refuseUnlessDisputable(invoice, partial);

    const now = deps.clock.now();
    const debtor = await debtorOfInvoice(deps.store, invoice);
    const dispute = await newDispute(deps, {
      invoices: [invoice],
      debtor,
      cause,
      amount: input.amount ?? invoice.openAmount,
      partial,
      input,
      now,
    });
    const at = now.toISOString();
    const raised = raisedEvent(dispute, invoice, input.by, input.taskId);
    if (partial) {
      const marked = revised(
        invoice,
        { disputedPart: { disputeId: dispute.id, amount: dispute.amount } },
        now,
      );
      await deps.store.commit([
        { kind: 'putDispute', dispute: firstVersion(dispute, at), expectedVersion: null },
        { kind: 'putInvoice', invoice: marked, expectedVersion: invoice.version },
        raised,
        ...(await alsoWrite()),
      ]);
      return { dispute, before: invoice, paused: false };
    }
    const pausedOne = await pausedInvoice(
      deps.store,
      invoice,
      debtor,
      { reason: 'dispute', by: dispute.raisedBy, at, ref: dispute.id, note: input.note },
      now,
    );
    await deps.store.commit([
      { kind: 'putDispute', dispute: firstVersion(dispute, at), expectedVersion: null },
      ...pauseWrites(
        invoice,
        pausedOne,
        `Dunning paused for a dispute (${dispute.cause.replace(/_/g, ' ')})`,
      ),
      raised,
      ...(await alsoWrite()),
    ]);
    return { dispute, before: invoice, paused: true };
  });
  if (paused) await stopPausedExecutions(deps.workflow, [before], 'dispute');
  await announceDispute(deps.notifier, dispute, [before]);
  return disputeView(dispute);
}

/**
 * One open dispute per invoice: a second one over an invoice already (partly) disputed, or one
 * over an invoice that is not being collected, is refused (409). A dispute over part of the
 * invoice pauses nothing, so another pause (a hold, a promise) does not stand in its way; a
 * dispute over all of it is a pause, one at a time.
 */
export function refuseUnlessDisputable(invoice: InvoiceRecord, partial: boolean): void {
  if (invoice.disputedPart) {
    throw conflict(
      `Invoice ${invoice.number} is already disputed in part (${invoice.disputedPart.disputeId}); resolve that dispute first.`,
      'already_disputed',
    );
  }
  if (partial && invoice.dunning?.pausedFor !== 'dispute') {
    // Only whether there is anything to dispute: another pause may hold the invoice meanwhile.
    const { dunning: _dunning, ...unpaused } = invoice;
    refuseUnlessPausable(unpaused, 'dispute', 'dispute');
  } else {
    refuseUnlessPausable(invoice, 'dispute', 'dispute');
  }
}

/** The dispute as it is recorded, over one or several invoices of one debtor. */
export async function newDispute(
  deps: DunningDeps,
  args: {
    invoices: readonly InvoiceRecord[];
    debtor: DebtorRecord;
    cause: DisputeCauseEntry;
    amount: number;
    partial: boolean;
    input: {
      note: string;
      documents?: readonly (string | DisputeDocument)[];
      by: string;
      taskId?: string;
      actor?: string;
    };
    now: Date;
  },
): Promise<Dispute> {
  const [first] = args.invoices;
  if (!first) throw new Error('a dispute covers at least one invoice');
  const policy = await policyOfInvoice(deps.store, first, args.debtor);
  const raisedOn = localDate(args.now, policy.timeZone);
  return {
    id: `dispute-${randomUUID()}`,
    invoiceId: first.id,
    invoiceIds: args.invoices.map((invoice) => invoice.id),
    debtorId: args.debtor.id,
    cause: args.cause.cause,
    ...(args.cause.owner ? { owner: args.cause.owner } : {}),
    amount: args.amount,
    currency: first.currency,
    ...(args.partial ? { partial: true as const } : {}),
    note: args.input.note,
    documents: (args.input.documents ?? []).map(documentOf),
    status: 'open',
    raisedBy: args.input.actor ?? `user:${args.input.by}`,
    raisedAt: args.now.toISOString(),
    raisedOn,
    respondBy: respondByDay(raisedOn, disputeSlaDaysOf(policy)),
    ...(args.input.taskId ? { taskId: args.input.taskId } : {}),
    ...ownerStamp(args.debtor),
  };
}

/** The `dispute_raised` entry on one invoice's timeline. */
export function raisedEvent(
  dispute: Dispute,
  invoice: InvoiceRecord,
  by: string,
  taskId?: string,
): StoreWrite {
  const money = (amount: number) => formatMoney({ amount, currency: dispute.currency }, 'en');
  const cause = dispute.cause.replace(/_/g, ' ');
  const several = (dispute.invoiceIds?.length ?? 1) > 1;
  // A dispute over several invoices disputes each in full.
  const amount = several ? invoice.openAmount : dispute.amount;
  const summary = dispute.partial
    ? `Dispute over ${money(amount)} of ${money(invoice.openAmount)} raised by ${by}: ${cause}; the dunning goes on for the undisputed ${money(invoice.openAmount - amount)}; respond by ${dispute.respondBy}`
    : `Dispute over ${money(amount)} raised by ${by}: ${cause}; respond by ${dispute.respondBy}`;
  return {
    kind: 'appendEvent',
    subject: { invoiceId: invoice.id },
    event: {
      at: dispute.raisedAt,
      type: 'dispute_raised',
      actor: dispute.raisedBy,
      summary,
      details: {
        disputeId: dispute.id,
        cause: dispute.cause,
        amount,
        respondBy: dispute.respondBy,
        ...(dispute.partial ? { partial: true } : {}),
        ...(several ? { invoiceIds: dispute.invoiceIds } : {}),
        ...(taskId ? { taskId } : {}),
      },
    },
  };
}

/**
 * Tells the owners of the cause. After the commit: the dispute stands (and the dunning is paused)
 * whether or not the message goes out, and a lost message is logged rather than undoing either.
 * The attribute `cause` is what the owners' subscriptions filter on; `owner`, when the cause names
 * one, lets a subscription route by owner instead.
 */
export async function announceDispute(
  notifier: Notifier,
  dispute: Dispute,
  invoices: readonly InvoiceRecord[],
): Promise<void> {
  const numbers = invoices.map((invoice) => invoice.number).join(', ');
  try {
    await notifier.publish({
      topic: 'disputes',
      subject: `Dispute on invoice ${numbers}: ${dispute.cause}`.slice(0, 100),
      message: {
        disputeId: dispute.id,
        invoiceId: dispute.invoiceId,
        invoiceNumber: invoices[0]?.number,
        ...(invoices.length > 1
          ? {
              invoices: invoices.map((invoice) => ({ invoiceId: invoice.id, invoiceNumber: invoice.number })),
            }
          : {}),
        debtorId: dispute.debtorId,
        cause: dispute.cause,
        ...(dispute.owner ? { owner: dispute.owner } : {}),
        amount: { amount: dispute.amount, currency: dispute.currency },
        ...(dispute.partial ? { partial: true } : {}),
        note: dispute.note,
        documents: dispute.documents,
        raisedBy: dispute.raisedBy,
        respondBy: dispute.respondBy,
      },
      attributes: { cause: dispute.cause, ...(dispute.owner ? { owner: dispute.owner } : {}) },
    });
  } catch (error) {
    logger.error('The dispute notification could not be published', {
      disputeId: dispute.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
