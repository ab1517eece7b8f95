import type { InvoiceData } from '../../api/schemas/webhook-events';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { heldBeyondDue, paidOn } from '../../core/ledger/invoice-money';
import { formatMoney } from '../../core/money';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import { conflict } from '../refusal';
import { handBackToAccount } from './account-credit';
import { applied, type Effect, type FollowUp, type IntakeDeps, parked, timelineEntry } from './effect';
import { closed } from './settlement';

/**
 * Applies a corrected invoice. A change of the total moves the open amount by the same difference,
 * so payments and credit notes already booked still count, unless the invoicing system states the
 * open amount itself. A closed invoice is not reopened. What the invoice was paid beyond a lowered
 * total goes back to the debtor as credit on the account. The payment reference stays the one
 * already printed on letters, even when the number changes.
 */
export async function invoiceUpdated(deps: IntakeDeps, data: InvoiceData, at: Date): Promise<Effect> {
  const current = await deps.store.getInvoice(data.id);
  if (!current) return parked({ kind: 'invoice', id: data.id });
  // Payments were booked against this debtor in this currency; moving them is a correction by hand.
  if (data.debtorId !== current.debtorId || data.currency !== current.currency) {
    throw conflict(
      `Invoice ${current.number} belongs to debtor ${current.debtorId} in ${current.currency}; an update cannot move it.`,
      'invoice_not_movable',
    );
  }

  const described: Partial<InvoiceRecord> = {
    number: data.number,
    issueDate: data.issueDate,
    dueDate: data.dueDate,
    paymentLink: data.paymentLink,
    pdfUrl: data.pdfUrl,
    lines: data.lines,
    vatAmount: data.vatAmount,
  };
  const amounts = amountsAfter(current, data);
  const changes = { ...described, ...amounts };
  const changed = (Object.keys(changes) as (keyof InvoiceRecord)[]).filter(
    (field) => JSON.stringify(changes[field]) !== JSON.stringify(current[field]),
  );
  if (changed.length === 0) return applied([]);

  // A lower total may leave the invoice holding more than it is owed: that goes back to the debtor.
  const handedBack = heldBeyondDue({ ...current, paidAmount: paidOn(current), ...changes });
  const paid = handedBack > 0 ? { paidAmount: paidOn(current) - handedBack } : {};
  const followUps: FollowUp[] = [];
  const writes: StoreWrite[] = [];
  let invoice = revised(current, { ...changes, ...paid }, at);
  if (amounts.openAmount === 0) {
    invoice = closed(
      invoice,
      {
        status: 'paid',
        closedAt: at.toISOString(),
        reason: 'settled by a correction of the invoice',
        settled: true,
      },
      at,
    );
    followUps.push({
      kind: 'stopExecution',
      before: current,
      reason: 'settled by a correction of the invoice',
    });
  }
  if (handedBack > 0) {
    const debtor = await debtorOfInvoice(deps.store, current);
    const money = formatMoney({ amount: handedBack, currency: current.currency }, 'en');
    const credited = handBackToAccount(
      debtor,
      current,
      {
        amount: handedBack,
        summary: `${money} paid on invoice ${data.number} beyond its corrected total credited to the debtor's account`,
        details: { totalAmount: data.totalAmount },
      },
      at,
    );
    writes.push(...credited.writes);
    followUps.push(credited.followUp);
  }
  return applied(
    [
      { kind: 'putInvoice', invoice, expectedVersion: current.version },
      ...writes,
      timelineEntry(
        { invoiceId: current.id },
        at,
        'invoice_updated',
        `Invoice ${data.number} corrected: ${changed.join(', ')}`,
        {
          changed: Object.fromEntries(
            changed.map((field) => [field, { from: current[field], to: changes[field] }]),
          ),
        },
      ),
    ],
    followUps,
  );
}

/**
 * The amounts after a correction. While money is open, a change of the total moves the open amount
 * by the same difference, unless the invoicing system states the open amount itself. A paid invoice
 * is not reopened, but a lower total is taken, so that what it was paid beyond it is credited.
 */
function amountsAfter(current: InvoiceRecord, data: InvoiceData): Partial<InvoiceRecord> {
  if (hasOpenBalance(current)) {
    return {
      totalAmount: data.totalAmount,
      openAmount: data.openAmount ?? Math.max(0, current.openAmount + data.totalAmount - current.totalAmount),
    };
  }
  if (current.status === 'paid' && data.totalAmount < current.totalAmount) {
    return { totalAmount: data.totalAmount };
  }
  return {};
}
