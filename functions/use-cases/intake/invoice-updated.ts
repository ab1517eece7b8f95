import type { InvoiceData } from '../../api/schemas/webhook-events';
import { hasOpenBalance } from '../../core/ledger/invoice';
import type { InvoiceRecord } from '../../ports/credit-store';
import { revised } from '../record-versions';
import { conflict } from '../refusal';
import { applied, type Effect, type FollowUp, type IntakeDeps, parked, timelineEntry } from './effect';
import { closed } from './settlement';

/**
 * Applies a corrected invoice. A change of the total moves the open amount by the same difference,
 * so payments and credit notes already booked still count, unless the invoicing system states the
 * open amount itself. A closed invoice is not reopened: only its descriptive fields change. The
 * payment reference stays the one already printed on letters, even when the number changes.
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
    lines: data.lines,
  };
  const amounts: Partial<InvoiceRecord> = hasOpenBalance(current)
    ? {
        totalAmount: data.totalAmount,
        openAmount:
          data.openAmount ?? Math.max(0, current.openAmount + data.totalAmount - current.totalAmount),
      }
    : {};
  const changes = { ...described, ...amounts };
  const changed = (Object.keys(changes) as (keyof InvoiceRecord)[]).filter(
    (field) => JSON.stringify(changes[field]) !== JSON.stringify(current[field]),
  );
  if (changed.length === 0) return applied([]);

  const followUps: FollowUp[] = [];
  let invoice = revised(current, changes, at);
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
  return applied(
    [
      { kind: 'putInvoice', invoice, expectedVersion: current.version },
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
