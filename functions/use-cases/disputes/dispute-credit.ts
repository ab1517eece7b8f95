import { isPaused } from '../../core/dunning/dunning-pause';
import type { DisputeRecord, InvoiceRecord } from '../../ports/credit-store';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';

/** Who the timeline names for a dispute closed by what the invoicing system sent. */
const INTAKE_ACTOR = 'invoicing-system';

/**
 * Runs after an invoice under a dispute was settled or cancelled (a clearing credit note, a
 * payment in full): the dispute is closed, as credited when a credit was what it waited for. The
 * invoice's pause ended with the settlement itself. Safe to repeat.
 */
export async function closeDisputeOnSettlement(deps: DunningDeps, before: InvoiceRecord): Promise<void> {
  const dunning = before.dunning;
  if (!isPaused(dunning) || dunning.pausedFor !== 'dispute' || !dunning.pauseRef) return;
  await closeDispute(deps, dunning.pauseRef, (dispute) =>
    dispute.status === 'awaiting_credit_note' ? 'credited' : 'settled',
  );
}

/**
 * Runs after a credit note that left something open on an invoice under a dispute. A dispute
 * that waited for this credit is closed as credited and the dunning resumes for the rest, at the
 * step after the last one done. A dispute still open waits for its resolution.
 */
export async function creditNoteOnDispute(
  deps: DunningDeps,
  input: { invoiceId: string; disputeId: string; creditNoteId: string },
): Promise<void> {
  const closed = await closeDispute(
    deps,
    input.disputeId,
    (dispute) => (dispute.status === 'awaiting_credit_note' ? 'credited' : undefined),
    input.creditNoteId,
  );
  if (closed)
    await resumeDunning(deps, input.invoiceId, { reason: 'dispute', ref: input.disputeId }, INTAKE_ACTOR);
}

async function closeDispute(
  deps: DunningDeps,
  disputeId: string,
  statusOf: (dispute: DisputeRecord) => 'credited' | 'settled' | undefined,
  creditNoteId?: string,
): Promise<boolean> {
  return retryOnConflict(async () => {
    const dispute = await deps.store.getDispute(disputeId);
    if (!dispute || (dispute.status !== 'open' && dispute.status !== 'awaiting_credit_note')) return false;
    const status = statusOf(dispute);
    if (!status) return false;
    const now = deps.clock.now();
    const at = now.toISOString();
    await deps.store.commit([
      {
        kind: 'putDispute',
        dispute: revised(dispute, { status, closedAt: at, ...(creditNoteId ? { creditNoteId } : {}) }, now),
        expectedVersion: dispute.version,
      },
      {
        kind: 'appendEvent',
        subject: { invoiceId: dispute.invoiceId },
        event: {
          at,
          type: 'dispute_closed',
          actor: INTAKE_ACTOR,
          summary:
            status === 'credited'
              ? `Dispute closed: the credit note${creditNoteId ? ` ${creditNoteId}` : ''} arrived`
              : 'Dispute closed: the invoice was settled',
          details: { disputeId, status, ...(creditNoteId ? { creditNoteId } : {}) },
        },
      },
    ]);
    return true;
  });
}
