import { undisputedAmount } from '../../core/disputes/dispute';
import type { InvoiceRecord } from '../../ports/credit-store';
import { pausedInvoice, pauseWrites } from '../dunning/pause-dunning';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import type { StepDeps } from '../steps/record-step';
import { WORKFLOW_ACTOR } from '../steps/record-step';
import { type Skipped, skipped } from '../steps/step-outcome';

/** The invoice without the part it had set aside for a dispute: the dunning asks for all that is open again. */
export function withoutDisputedPart(invoice: InvoiceRecord, now: Date): InvoiceRecord {
  const { disputedPart: _part, ...rest } = invoice;
  return revised(rest, {}, now);
}

/** Whether all that is still open on the invoice is the part under dispute: nothing is left to dun. */
export function onlyDisputedPartLeft(invoice: InvoiceRecord): boolean {
  return invoice.disputedPart !== undefined && undisputedAmount(invoice) === 0;
}

/**
 * A step that finds only the disputed part of its invoice open (the debtor paid the rest, or a
 * credit note took it): the dispute now holds the whole invoice, so the dunning is paused for it
 * as a dispute over the whole invoice would have paused it. The step is not recorded: the
 * resolution resumes the dunning at the step after the last one done, which is this one.
 */
export async function pauseForDisputedPart(deps: StepDeps, invoice: InvoiceRecord): Promise<Skipped> {
  const part = invoice.disputedPart;
  if (!part) throw new Error(`invoice ${invoice.id} has no disputed part`);
  const now = deps.clock.now();
  const debtor = await debtorOfInvoice(deps.store, invoice);
  const paused = await pausedInvoice(
    deps.store,
    invoice,
    debtor,
    { reason: 'dispute', by: WORKFLOW_ACTOR, at: now.toISOString(), ref: part.disputeId },
    now,
  );
  await deps.store.commit(
    pauseWrites(
      invoice,
      paused,
      'Dunning paused for a dispute: only the disputed part of the invoice is still open',
    ),
  );
  return skipped(
    'dunning_stopped',
    `only the disputed part is open: the dunning is paused for dispute ${part.disputeId}`,
  );
}
