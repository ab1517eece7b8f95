import type { InvoiceCancelledData } from '../../api/schemas/webhook-events';
import { formatMoney } from '../../core/money';
import type { StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { handBackToAccount } from './account-credit';
import { applied, type Effect, type FollowUp, type IntakeDeps, parked, timelineEntry } from './effect';
import { cancelInvoice } from './settlement';

const REASON = 'cancelled in the invoicing system';

/**
 * A cancelled invoice is owed by nobody: it closes and its dunning stops (not as a cure: nothing
 * was settled). What was paid on it before goes back to the debtor as credit on the account. A
 * cancellation of an invoice already paid in full changes nothing, since the money was received
 * for it; it is put on the timeline so that a controller can see the contradiction.
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
  const { invoice, handedBack } = cancelInvoice(current, REASON, at);
  const writes: StoreWrite[] = [
    { kind: 'putInvoice', invoice, expectedVersion: current.version },
    timelineEntry({ invoiceId: current.id }, at, 'invoice_cancelled', `Invoice ${current.number} cancelled`),
  ];
  const followUps: FollowUp[] = [{ kind: 'stopExecution', before: current, reason: REASON }];
  if (handedBack > 0) {
    const debtor = await debtorOfInvoice(deps.store, current);
    const money = formatMoney({ amount: handedBack, currency: current.currency }, 'en');
    const credited = handBackToAccount(
      debtor,
      current,
      {
        amount: handedBack,
        summary: `${money} paid on invoice ${current.number} credited to the debtor's account: the invoice was cancelled`,
        details: { cancelled: true },
      },
      at,
    );
    writes.push(...credited.writes);
    followUps.push(credited.followUp);
  }
  return applied(writes, followUps);
}
