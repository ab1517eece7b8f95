import { type DisputeOutcome, resolutionIssues } from '../../core/disputes/dispute';
import { formatMoney } from '../../core/money';
import type { DisputeRecord, StoreWrite } from '../../ports/credit-store';
import type { Mailer } from '../../ports/mailer';
import { tellDebtorDisputeAnswered } from './dispute-answer';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { type DisputeView, disputeView } from './dispute-view';

export interface ResolveDisputeInput {
  disputeId: string;
  outcome: DisputeOutcome;
  note: string;
  creditAmount?: number;
  /** The user's id (`sub`). */
  by: string;
}

/**
 * Resolves an open dispute. Rejected or withdrawn: the invoice stands, its dunning resumes at
 * the step after the last one done, and the debtor is told so by email. Credited: the credit is expected from the invoicing system,
 * and the dunning stays paused until its credit note arrives (see dispute-credit.ts).
 */
export async function resolveDispute(
  deps: DunningDeps & { mailer?: Mailer },
  input: ResolveDisputeInput,
): Promise<DisputeView> {
  const resolved = await retryOnConflict(async () => {
    const dispute = await deps.store.getDispute(input.disputeId);
    if (!dispute) throw notFound(`Dispute ${input.disputeId} does not exist.`, 'dispute_not_found');
    if (dispute.status !== 'open') {
      throw conflict(
        `Dispute ${dispute.id} is ${dispute.status.replace(/_/g, ' ')}, not open.`,
        'dispute_not_open',
      );
    }
    const invoice = await deps.store.getInvoice(dispute.invoiceId);
    const issues = resolutionIssues({
      outcome: input.outcome,
      ...(input.creditAmount !== undefined ? { creditAmount: input.creditAmount } : {}),
      openAmount: invoice?.openAmount ?? 0,
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
      ? `Dispute resolved by ${input.by}: a credit note of ${money(creditAmount ?? 0)} is expected; the dunning stays paused until it arrives`
      : `Dispute ${input.outcome} (${input.by}); the invoice stands and the dunning resumes at the next step`;
    const writes: StoreWrite[] = [
      { kind: 'putDispute', dispute: after, expectedVersion: dispute.version },
      {
        kind: 'appendEvent',
        subject: { invoiceId: dispute.invoiceId },
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
      },
    ];
    await deps.store.commit(writes);
    return after;
  });
  if (resolved.status !== 'awaiting_credit_note') {
    await resumeDunning(
      deps,
      resolved.invoiceId,
      { reason: 'dispute', ref: resolved.id },
      `user:${input.by}`,
    );
    if (deps.mailer) await tellDebtorDisputeAnswered({ ...deps, mailer: deps.mailer }, resolved);
  }
  return disputeView(resolved);
}
