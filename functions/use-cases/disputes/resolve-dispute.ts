import { type DisputeOutcome, invoicesStillDisputed, resolutionIssues } from '../../core/disputes/dispute';
import { formatMoney } from '../../core/money';
import type { DisputeRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { tellDebtorDisputeAnswered } from './dispute-answer';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { type DisputeView, disputeView } from './dispute-view';
import { withoutDisputedPart } from './partial-dispute';
import { adverseFactWrites } from '../score/reassess-debtor';

export interface ResolveDisputeInput {
  disputeId: string;
  outcome: DisputeOutcome;
  note: string;
  creditAmount?: number;
  /** The user's id (`sub`). */
  by: string;
}

/**
 * Resolves an open dispute, for every invoice it still covers. Rejected or withdrawn: the
 * invoices stand, their dunning resumes at the step after the last one done (a dispute over part
 * of an invoice lets go of that part, so the next step asks for the whole amount again), and the
 * debtor is told so by email. Credited: the credit is expected from the invoicing system, and
 * the dunning stays paused (or, for a part, keeps asking only for the rest) until its credit note
 * arrives (see dispute-credit.ts).
 */
export async function resolveDispute(
  deps: DunningDeps & { mailer?: Mailer },
  input: ResolveDisputeInput,
): Promise<DisputeView> {
  const { resolved, invoiceIds } = await retryOnConflict(async () => {
    const dispute = await deps.store.getDispute(input.disputeId);
    if (!dispute) throw notFound(`Dispute ${input.disputeId} does not exist.`, 'dispute_not_found');
    if (dispute.status !== 'open') {
      throw conflict(
        `Dispute ${dispute.id} is ${dispute.status.replace(/_/g, ' ')}, not open.`,
        'dispute_not_open',
      );
    }
    const invoices: InvoiceRecord[] = [];
    for (const id of invoicesStillDisputed(dispute)) {
      const invoice = await deps.store.getInvoice(id);
      if (invoice) invoices.push(invoice);
    }
    const issues = resolutionIssues({
      outcome: input.outcome,
      ...(input.creditAmount !== undefined ? { creditAmount: input.creditAmount } : {}),
      openAmount: invoices.reduce((total, invoice) => total + invoice.openAmount, 0),
    });
    if (issues.length > 0) throw invalid(issues, 'The dispute cannot be resolved as asked.');

    const now = deps.clock.now();
    const at = now.toISOString();
    const actor = `user:${input.by}`;
    const credited = input.outcome === 'credited';
    const creditAmount = credited ? (input.creditAmount ?? dispute.amount) : undefined;
    const after: DisputeRecord = revised(
      dispute,
      {
        status: credited ? 'awaiting_credit_note' : input.outcome,
        resolution: {
          outcome: input.outcome,
          note: input.note,
          ...(creditAmount !== undefined ? { creditAmount } : {}),
          by: actor,
          at,
        },
        ...(credited ? {} : { closedAt: at }),
      },
      now,
    );
    const money = (amount: number) => formatMoney({ amount, currency: dispute.currency }, 'en');
    const summary = credited
      ? `Dispute resolved by ${input.by}: a credit note of ${money(creditAmount ?? 0)} is expected; ${dispute.partial ? 'the dunning asks for the undisputed rest' : 'the dunning stays paused'} until it arrives`
      : `Dispute ${input.outcome} (${input.by}); the invoice stands and the dunning resumes at the next step${dispute.partial ? ' for the whole amount' : ''}`;
    const writes: StoreWrite[] = [{ kind: 'putDispute', dispute: after, expectedVersion: dispute.version }];
    for (const invoice of invoices) {
      writes.push({
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'dispute_resolved',
          actor,
          summary,
          details: {
            disputeId: dispute.id,
            outcome: input.outcome,
            ...(creditAmount !== undefined ? { creditAmount } : {}),
          },
        },
      });
      // The invoice stands: the part set aside is asked for again.
      if (!credited && invoice.disputedPart?.disputeId === dispute.id) {
        writes.push({
          kind: 'putInvoice',
          invoice: withoutDisputedPart(invoice, now),
          expectedVersion: invoice.version,
        });
      }
    }
    // Rejected: the debtor's objection did not hold, which counts in its payment score.
    if (input.outcome === 'rejected')
      writes.push(...(await adverseFactWrites(deps.store, dispute.debtorId, 'dispute_lost', now)));
    await deps.store.commit(writes);
    return { resolved: after, invoiceIds: invoices.map((invoice) => invoice.id) };
  });
  if (resolved.status !== 'awaiting_credit_note') {
    for (const invoiceId of invoiceIds) {
      // A dispute over part of an invoice paused nothing, unless only that part was left open.
      await resumeDunning(deps, invoiceId, { reason: 'dispute', ref: resolved.id }, `user:${input.by}`);
    }
    if (deps.mailer) await tellDebtorDisputeAnswered({ ...deps, mailer: deps.mailer }, resolved);
  }
  return disputeView(resolved);
}
