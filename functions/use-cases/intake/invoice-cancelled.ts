import type { InvoiceCancelledData } from '../../api/schemas/webhook-events';
import { applied, type Effect, type IntakeDeps, parked, timelineEntry } from './effect';
import { closed } from './settlement';

const REASON = 'cancelled in the invoicing system';

/**
 * A cancelled invoice is owed by nobody: it closes and its dunning stops (not as a cure: nothing
 * was paid). A cancellation of an invoice already paid changes nothing, since the money was
 * received; it is put on the timeline so that a controller can see the contradiction.
 */
export async function invoiceCancelled(
  deps: IntakeDeps,
  data: InvoiceCancelledData,
  at: Date,
): Promise<Effect> {
  const current = await deps.store.getInvoice(data.id);
  if (!current) return parked({ kind: 'invoice', id: data.id });
  if (current.status === 'cancelled') return applied([]);
  if (current.status === 'paid') {
    return applied([
      timelineEntry(
        { invoiceId: current.id },
        at,
        'invoice_cancelled',
        `Cancellation of invoice ${current.number} received after it was paid; nothing changed`,
      ),
    ]);
  }
  const invoice = closed(
    current,
    { status: 'cancelled', closedAt: at.toISOString(), reason: REASON, settled: false },
    at,
  );
  return applied(
    [
      { kind: 'putInvoice', invoice, expectedVersion: current.version },
      timelineEntry(
        { invoiceId: current.id },
        at,
        'invoice_cancelled',
        `Invoice ${current.number} cancelled`,
      ),
    ],
    [{ kind: 'stopExecution', before: current, reason: REASON }],
  );
}
