import { isAtAgency } from '../../core/agency/agency-claim';
import { isUnderSpecialManagement } from '../../core/special/special-management';
import type { Notifier } from '../../ports/notifier';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, notFound } from '../refusal';
import { pauseInvoicesOf, placeInSpecialManagement } from '../special/special-management';
import { tellAgency } from './agency-messages';

export interface RecallDeps extends DunningDeps {
  notifier: Notifier;
}

export interface RecallView {
  invoiceId: string;
  claimFileId: string;
  status: 'overdue' | string;
  agencyStatus: 'recalled';
  recall: { by: string; at: string; reason: string };
  debtorManagement: 'special';
}

/**
 * POST /invoices/{id}/recall: we take a claim back from the agency. The claim is recalled and the
 * invoice overdue again in one transaction; then the debtor goes under special management (its
 * invoices, this one included, paused there: no letter goes out while the team decides), and the
 * agency is told on its topic. Asking again for a recalled claim tells the agency again and
 * answers the same: a recall lost on its way is not lost.
 */
export async function recallClaim(
  deps: RecallDeps,
  invoiceId: string,
  input: { reason: string; by: string },
): Promise<RecallView> {
  const claim = await retryOnConflict(async () => {
    const [invoice, current] = await Promise.all([
      deps.store.getInvoice(invoiceId),
      deps.store.getAgencyClaim(invoiceId),
    ]);
    if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`, 'invoice_not_found');
    if (!current)
      throw conflict(`Invoice ${invoiceId} was never handed over to the agency.`, 'claim_not_at_agency');
    if (current.status === 'recalled') return current;
    if (!isAtAgency(current)) {
      throw conflict(
        `The agency closed claim ${invoiceId} (${current.result ?? 'closed'}): nothing to recall.`,
        'claim_closed',
      );
    }
    const now = deps.clock.now();
    const at = now.toISOString();
    const recall = { by: `user:${input.by}`, at, reason: input.reason };
    const recalled = revised(current, { status: 'recalled', endedAt: at, recall }, now);
    await deps.store.commit([
      { kind: 'putAgencyClaim', claim: recalled, expectedVersion: current.version },
      {
        kind: 'putInvoice',
        invoice: revised(
          invoice,
          { agencyStatus: 'recalled', ...(invoice.status === 'in_collection' ? { status: 'overdue' } : {}) },
          now,
        ),
        expectedVersion: invoice.version,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId },
        event: {
          at,
          type: 'agency_recalled',
          actor: recall.by,
          summary: `Claim recalled from the collection agency: ${input.reason}`,
          details: { reason: input.reason },
        },
      },
    ]);
    return recalled;
  });
  const recall = claim.recall ?? {
    by: `user:${input.by}`,
    at: deps.clock.now().toISOString(),
    reason: input.reason,
  };

  const debtor = await deps.store.getDebtor(claim.debtorId);
  if (debtor && isUnderSpecialManagement(debtor) && debtor.specialManagement) {
    await pauseInvoicesOf(deps, debtor.id, debtor.specialManagement);
  } else {
    await placeInSpecialManagement(deps, claim.debtorId, {
      reason: 'other',
      note: `claim ${claim.invoiceNumber} recalled from the collection agency: ${recall.reason}`,
      by: input.by,
    });
  }
  await tellAgency(deps.notifier, `Claim ${claim.invoiceNumber} recalled`, {
    kind: 'claim_recalled',
    claimId: claim.invoiceId,
    claimFileId: claim.claimFileId,
    recalledAt: recall.at,
    reason: recall.reason,
  });
  const invoice = await deps.store.getInvoice(invoiceId);
  return {
    invoiceId,
    claimFileId: claim.claimFileId,
    status: invoice?.status ?? 'overdue',
    agencyStatus: 'recalled',
    recall,
    debtorManagement: 'special',
  };
}
