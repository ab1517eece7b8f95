import type { CalendarDate } from '../../core/calendar/calendar-date';
import { ConcurrentModificationError, type CreditStore } from '../../ports/credit-store';

/** Which execution sends the debtor's alert of the day, and for which invoice. */
export interface AlertOwner {
  owner: string;
  invoiceId: string;
}

const alertId = (debtorId: string, day: CalendarDate) => `account-manager-alert-${debtorId}-${day}`;

/**
 * One alert per debtor per day, however many of its invoices reach the account-manager step
 * that day: the first execution to write the day's record (a conditional put, like a letter's
 * lock) sends it; the others find it and send nothing. The owner's retry finds its own name and
 * sends, so an alert whose function died before SNS answered is not lost; so does a restored
 * execution of the same invoice that day.
 */
export async function alertOfTheDay(
  store: CreditStore,
  claim: { debtorId: string; day: CalendarDate; owner: string; invoiceId: string; at: string },
): Promise<AlertOwner> {
  const id = alertId(claim.debtorId, claim.day);
  const held = await store.getDelivery(id);
  if (held) return held.response as AlertOwner;
  const mine: AlertOwner = { owner: claim.owner, invoiceId: claim.invoiceId };
  try {
    await store.commit([
      { kind: 'recordDelivery', delivery: { id, receivedAt: claim.at, statusCode: 200, response: mine } },
    ]);
    return mine;
  } catch (error) {
    if (!(error instanceof ConcurrentModificationError)) throw error;
    const winner = await store.getDelivery(id);
    if (!winner) throw error;
    return winner.response as AlertOwner;
  }
}
