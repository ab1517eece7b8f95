import type { CreditNoteCreatedData } from '../../api/schemas/webhook-events';
import { formatMoney } from '../../core/money';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { disputeOfInvoice } from '../disputes/dispute-credit';
import { handBackToAccount } from './account-credit';
import { lowerPlansOfCredited } from '../plans/lower-plan';
import {
  applied,
  type Effect,
  type FollowUp,
  INVOICING_SYSTEM,
  type IntakeDeps,
  parked,
  planFollowUps,
  timelineEntry,
} from './effect';
import { creditInvoice } from './settlement';

const REASON = 'credited';

/**
 * A credit note lowers what its invoice is owed: what is open goes down, and one that clears it
 * settles the invoice and stops its dunning. Money the invoice then holds beyond what it is owed
 * (it was partly or wholly paid) goes back to the debtor as credit on the account; a note on an
 * invoice nobody paid gives the debtor nothing. The note is booked once per credit note id: the
 * credit note record is written only where none exists, so of several deliveries of the same note
 * at the same moment one commits, and the others, retried, find it booked.
 */
export async function creditNoteCreated(
  deps: IntakeDeps,
  data: CreditNoteCreatedData,
  at: Date,
): Promise<Effect> {
  if (await deps.store.getCreditNote(data.id)) return applied([]);
  const current = await deps.store.getInvoice(data.invoiceId);
  if (!current) return parked({ kind: 'invoice', id: data.invoiceId });

  const credit = creditInvoice(current, data.amount, { closedAt: at.toISOString(), reason: REASON }, at);
  const money = (amount: number) => formatMoney({ amount, currency: current.currency }, 'en');
  const writes: StoreWrite[] = [
    {
      kind: 'putCreditNote',
      creditNote: {
        id: data.id,
        invoiceId: current.id,
        debtorId: current.debtorId,
        amount: data.amount,
        currency: current.currency,
        bookedAt: at.toISOString(),
        appliedAmount: credit.taken,
        creditedToAccount: credit.handedBack,
      },
    },
    { kind: 'putInvoice', invoice: credit.invoice, expectedVersion: current.version },
    timelineEntry(
      { invoiceId: current.id },
      at,
      'credit_note_received',
      credit.settled
        ? `Credit note ${data.id} of ${money(data.amount)} received; nothing is left to pay`
        : `Credit note ${data.id} of ${money(data.amount)} received; ${money(credit.invoice.openAmount)} still open`,
      { creditNoteId: data.id, amount: data.amount, openAmount: credit.invoice.openAmount },
    ),
  ];
  const followUps: FollowUp[] = credit.settled
    ? [{ kind: 'stopExecution', before: current, reason: REASON }]
    : disputeWaiting(current, data.id);
  // An invoice of an active payment plan: the plan is lowered by what the note took off it.
  const plans = await lowerPlansOfCredited(
    deps.store,
    [{ invoice: current, amount: credit.taken }],
    { key: `credit-note-${data.id}`, label: `credit note ${data.id}`, actor: INVOICING_SYSTEM },
    at,
  );
  writes.push(...plans.writes);
  followUps.push(...planFollowUps(plans.lowered));
  if (credit.handedBack > 0) {
    const debtor = await debtorOfInvoice(deps.store, current);
    const credited = handBackToAccount(
      debtor,
      current,
      {
        amount: credit.handedBack,
        summary: `${money(credit.handedBack)} paid on invoice ${current.number} credited to the debtor's account after credit note ${data.id}`,
        details: { creditNoteId: data.id },
      },
      at,
    );
    writes.push(...credited.writes);
    followUps.push(credited.followUp);
  }
  return applied(writes, followUps);
}

/** A credit note that leaves something open on a disputed invoice may be the credit its dispute waits for. */
function disputeWaiting(invoice: InvoiceRecord, creditNoteId: string): FollowUp[] {
  const disputeId = disputeOfInvoice(invoice);
  if (!disputeId) return [];
  return [{ kind: 'creditNoteOnDispute', invoiceId: invoice.id, disputeId, creditNoteId }];
}
