import { disputedInvoicesIssues, type DisputeDocument } from '../../core/disputes/dispute';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { pausedInvoice, pauseWrites, stopPausedExecutions } from '../dunning/pause-dunning';
import { firstVersion, retryOnConflict } from '../record-versions';
import { invalid, notFound, Refusal } from '../refusal';
import { knownCause } from '../settings/dispute-causes';
import { type DisputeView, disputeView } from './dispute-view';
import {
  announceDispute,
  type DisputeDeps,
  newDispute,
  raisedEvent,
  refuseUnlessDisputable,
} from './raise-dispute';

export interface RaiseDebtorDisputeInput {
  debtorId: string;
  invoiceIds: readonly string[];
  cause: string;
  note: string;
  documents?: readonly (string | DisputeDocument)[];
  /** The user's id (`sub`). */
  by: string;
}

/**
 * POST /debtors/{id}/disputes: one dispute over several open invoices of a debtor, each disputed
 * in full. Every invoice is paused as a dispute over it alone would pause it, all in the one
 * transaction that records the dispute; the resolution then applies to each. A refusal names the
 * invoice by its place in `invoiceIds`: unknown (404), not the debtor's or in another currency
 * (400), or not open or already paused or disputed (409).
 */
export async function raiseDebtorDispute(
  deps: DisputeDeps,
  input: RaiseDebtorDisputeInput,
): Promise<DisputeView> {
  const cause = await knownCause(deps.store, input.cause);
  const { dispute, before } = await retryOnConflict(async () => {
    const debtor = await deps.store.getDebtor(input.debtorId);
    if (!debtor) throw notFound(`Debtor ${input.debtorId} does not exist.`, 'debtor_not_found');
    const found = await Promise.all(input.invoiceIds.map((id) => deps.store.getInvoice(id)));
    const issues = disputedInvoicesIssues({
      debtorId: debtor.id,
      invoiceIds: input.invoiceIds,
      invoices: found,
    });
    if (issues.notFound.length > 0) {
      throw new Refusal(
        'not_found',
        'invoice_not_found',
        'An invoice of the dispute does not exist.',
        issues.notFound,
      );
    }
    if (issues.invalid.length > 0) throw invalid(issues.invalid, 'The dispute cannot be recorded as asked.');
    const invoices = found as InvoiceRecord[];
    invoices.forEach((invoice, index) => refuseNaming(invoice, `invoiceIds.${index}`));

    const now = deps.clock.now();
    const dispute = await newDispute(deps, {
      invoices,
      debtor,
      cause,
      amount: invoices.reduce((total, invoice) => total + invoice.openAmount, 0),
      partial: false,
      input,
      now,
    });
    const at = now.toISOString();
    const causeWords = dispute.cause.replace(/_/g, ' ');
    const writes: StoreWrite[] = [
      { kind: 'putDispute', dispute: firstVersion(dispute, at), expectedVersion: null },
    ];
    for (const invoice of invoices) {
      const paused = await pausedInvoice(
        deps.store,
        invoice,
        debtor,
        { reason: 'dispute', by: dispute.raisedBy, at, ref: dispute.id, note: input.note },
        now,
      );
      writes.push(
        ...pauseWrites(
          invoice,
          paused,
          `Dunning paused for a dispute (${causeWords}) over ${invoices.length} invoices`,
        ),
        raisedEvent(dispute, invoice, input.by),
      );
    }
    await deps.store.commit(writes);
    return { dispute, before: invoices };
  });
  await stopPausedExecutions(deps.workflow, before, 'dispute');
  await announceDispute(deps.notifier, dispute, before);
  return disputeView(dispute);
}

/** The 409 of an invoice that cannot be disputed, naming it by its place in the request. */
function refuseNaming(invoice: InvoiceRecord, path: string): void {
  try {
    refuseUnlessDisputable(invoice, false);
  } catch (error) {
    if (error instanceof Refusal) {
      throw new Refusal(error.kind, error.code, error.message, [{ path, message: error.message }]);
    }
    throw error;
  }
}
