import { invoicesStillDisputed } from '../../core/disputes/dispute';
import { isPaused } from '../../core/dunning/dunning-pause';
import type { DisputeRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { resumeDunning } from '../dunning/resume-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { withoutDisputedPart } from './partial-dispute';

/** Who the timeline names for a dispute closed by what the invoicing system sent. */
const INTAKE_ACTOR = 'invoicing-system';

/** The dispute an invoice waits for: the one that paused it, or the one over part of it. */
export function disputeOfInvoice(invoice: InvoiceRecord): string | undefined {
  const dunning = invoice.dunning;
  if (isPaused(dunning) && dunning.pausedFor === 'dispute' && dunning.pauseRef) return dunning.pauseRef;
  return invoice.disputedPart?.disputeId;
}

/**
 * Runs after an invoice under a dispute was settled or cancelled (a clearing credit note, a
 * payment in full): the invoice no longer waits for the dispute, and a dispute with no invoice
 * left waiting is closed, as credited when a credit was what it waited for. The invoice's pause
 * ended with the settlement itself. Safe to repeat.
 */
export async function closeDisputeOnSettlement(deps: DunningDeps, before: InvoiceRecord): Promise<void> {
  const disputeId = disputeOfInvoice(before);
  if (!disputeId) return;
  await letGoOfInvoice(deps, disputeId, before.id, (dispute) =>
    dispute.status === 'awaiting_credit_note' ? 'credited' : 'settled',
  );
}

/**
 * Runs after a credit note that left something open on an invoice under a dispute. A dispute
 * that waited for this credit lets go of the invoice (closed as credited once no invoice of it
 * waits any more) and the invoice's dunning resumes for the rest, at the step after the last one
 * done; an invoice disputed in part is asked for all that is open again. A dispute still open
 * waits for its resolution.
 */
export async function creditNoteOnDispute(
  deps: DunningDeps,
  input: { invoiceId: string; disputeId: string; creditNoteId: string },
): Promise<void> {
  const closed = await letGoOfInvoice(
    deps,
    input.disputeId,
    input.invoiceId,
    (dispute) => (dispute.status === 'awaiting_credit_note' ? 'credited' : undefined),
    input.creditNoteId,
  );
  if (closed)
    await resumeDunning(deps, input.invoiceId, { reason: 'dispute', ref: input.disputeId }, INTAKE_ACTOR);
}

/**
 * The dispute lets go of one invoice: noted on the dispute and on the invoice's timeline (and a
 * disputed part is dropped from the invoice); once no invoice of the dispute waits, the dispute is
 * closed with the status `statusOf` gives. Returns whether it let go.
 */
async function letGoOfInvoice(
  deps: DunningDeps,
  disputeId: string,
  invoiceId: string,
  statusOf: (dispute: DisputeRecord) => 'credited' | 'settled' | undefined,
  creditNoteId?: string,
): Promise<boolean> {
  return retryOnConflict(async () => {
    const dispute = await deps.store.getDispute(disputeId);
    if (!dispute || (dispute.status !== 'open' && dispute.status !== 'awaiting_credit_note')) return false;
    const waiting = invoicesStillDisputed(dispute);
    if (!waiting.includes(invoiceId)) return false;
    const status = statusOf(dispute);
    if (!status) return false;
    const now = deps.clock.now();
    const at = now.toISOString();
    const remaining = waiting.filter((id) => id !== invoiceId);
    const closes = remaining.length === 0;
    const changes: Partial<DisputeRecord> = closes
      ? { status, closedAt: at, ...(creditNoteId ? { creditNoteId } : {}) }
      : { closedInvoiceIds: [...(dispute.closedInvoiceIds ?? []), invoiceId] };
    const writes: StoreWrite[] = [
      { kind: 'putDispute', dispute: revised(dispute, changes, now), expectedVersion: dispute.version },
      {
        kind: 'appendEvent',
        subject: { invoiceId },
        event: {
          at,
          // On this invoice's timeline the dispute ends either way; `remaining` says whether it ends for all.
          type: 'dispute_closed',
          actor: INTAKE_ACTOR,
          summary: closes
            ? status === 'credited'
              ? `Dispute closed: the credit note${creditNoteId ? ` ${creditNoteId}` : ''} arrived`
              : 'Dispute closed: the invoice was settled'
            : `The dispute no longer holds this invoice: ${status === 'credited' ? `the credit note${creditNoteId ? ` ${creditNoteId}` : ''} arrived` : 'it was settled'}; it still covers ${remaining.length} other invoice(s)`,
          details: {
            disputeId,
            status,
            remaining: remaining.length,
            ...(creditNoteId ? { creditNoteId } : {}),
          },
        },
      },
    ];
    const invoice = await deps.store.getInvoice(invoiceId);
    if (invoice?.disputedPart?.disputeId === disputeId) {
      writes.push({
        kind: 'putInvoice',
        invoice: withoutDisputedPart(invoice, now),
        expectedVersion: invoice.version,
      });
    }
    await deps.store.commit(writes);
    return true;
  });
}
