import type { CreditNoteCreatedData } from '../../api/schemas/webhook-events';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import { applied, type Effect, type FollowUp, type IntakeDeps, parked, timelineEntry } from './effect';
import { creditsWith, reduceOpenAmount } from './settlement';

const REASON = 'credited';

/**
 * A credit note lowers what is open on its invoice; one that clears it settles the invoice and
 * stops its dunning. What the note credits beyond the open amount (the invoice was partly paid,
 * or paid already) is owed to the debtor and kept as credit on the account.
 */
export async function creditNoteCreated(
  deps: IntakeDeps,
  data: CreditNoteCreatedData,
  at: Date,
): Promise<Effect> {
  const current = await deps.store.getInvoice(data.invoiceId);
  if (!current) return parked({ kind: 'invoice', id: data.invoiceId });
  if (await alreadyBooked(deps.store, current.id, data.id)) return applied([]);

  const reduction = hasOpenBalance(current)
    ? reduceOpenAmount(current, data.amount, { closedAt: at.toISOString(), reason: REASON }, at)
    : { invoice: current, taken: 0, settled: false };
  const excess = data.amount - reduction.taken;
  const money = (amount: number) => formatMoney({ amount, currency: current.currency }, 'en');

  const writes: StoreWrite[] = [
    timelineEntry(
      { invoiceId: current.id },
      at,
      'credit_note_received',
      reduction.settled
        ? `Credit note ${data.id} of ${money(data.amount)} received; nothing is left to pay`
        : `Credit note ${data.id} of ${money(data.amount)} received; ${money(reduction.invoice.openAmount)} still open`,
      { creditNoteId: data.id, amount: data.amount, openAmount: reduction.invoice.openAmount },
    ),
  ];
  if (reduction.taken > 0) {
    writes.push({ kind: 'putInvoice', invoice: reduction.invoice, expectedVersion: current.version });
  }
  if (excess > 0) {
    const debtor = await debtorOfInvoice(deps.store, current);
    writes.push(
      {
        kind: 'putDebtor',
        debtor: revised(debtor, { credits: creditsWith(debtor, current.currency, excess) }, at),
        expectedVersion: debtor.version,
      },
      timelineEntry(
        { invoiceId: current.id },
        at,
        'overpayment_credited',
        `${money(excess)} of credit note ${data.id} credited to the debtor's account`,
        { creditNoteId: data.id, amount: excess, currency: current.currency },
      ),
    );
  }
  const followUps: FollowUp[] = reduction.settled
    ? [{ kind: 'stopExecution', before: current, reason: REASON }]
    : [];
  return applied(writes, followUps);
}

/**
 * The credit note's id is checked against the invoice's timeline: the same note sent again under
 * another delivery id must not credit twice. A concurrent duplicate loses on the invoice's
 * version, and its retry finds the note here.
 */
async function alreadyBooked(store: CreditStore, invoiceId: string, creditNoteId: string): Promise<boolean> {
  const timeline = await store.timeline({ invoiceId });
  return timeline.some(
    (entry) => entry.type === 'credit_note_received' && entry.details?.creditNoteId === creditNoteId,
  );
}
