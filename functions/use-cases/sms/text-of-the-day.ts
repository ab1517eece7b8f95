import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import type { SmsSize } from '../../core/sms/sms-segments';
import { ConcurrentModificationError, type CreditStore } from '../../ports/credit-store';

/** What names the debtor's text of a step and day. */
export interface TextKey {
  debtorId: string;
  slot: DunningSlot;
  /** The local day of the policy on which it is sent. */
  day: CalendarDate;
}

/** Which execution sends the day's text, and the invoices it asks for (the owner's first). */
export interface TextClaim {
  owner: string;
  invoiceIds: string[];
}

/** A text SNS accepted: what it said, where it went, and in how many parts. */
export interface SentText {
  messageId: string;
  sentAt: string;
  to: string;
  text: string;
  size: SmsSize;
  /** The invoices it asked for, the owner's first: the claim's less those settled before it went. */
  invoiceIds: string[];
}

const claimId = (key: TextKey) => `sms-text-${key.debtorId}-${key.slot}-${key.day}`;
const sentId = (key: TextKey) => `sms-sent-${key.debtorId}-${key.slot}-${key.day}`;

/**
 * One text per debtor, step and day, however many of its invoices reach the step that day: the
 * first execution to write the day's claim (a conditional put, like a letter's lock, on the
 * store's idempotency records) sends it, listing every invoice due for the step; the others find
 * the claim and are in it, or wait for the next day's. `invoiceIds` is asked only by the winner.
 */
export async function claimTextOfTheDay(
  store: CreditStore,
  key: TextKey,
  claimant: { owner: string; at: string; invoiceIds: () => Promise<string[]> },
): Promise<TextClaim> {
  const id = claimId(key);
  const held = await store.getDelivery(id);
  if (held) return held.response as TextClaim;
  const mine: TextClaim = { owner: claimant.owner, invoiceIds: await claimant.invoiceIds() };
  try {
    await store.commit([
      { kind: 'recordDelivery', delivery: { id, receivedAt: claimant.at, statusCode: 200, response: mine } },
    ]);
    return mine;
  } catch (error) {
    if (!(error instanceof ConcurrentModificationError)) throw error;
    const winner = await store.getDelivery(id);
    if (!winner) throw error;
    return winner.response as TextClaim;
  }
}

/** The day's text as SNS accepted it; undefined while it has not been sent. */
export async function sentTextOfTheDay(store: CreditStore, key: TextKey): Promise<SentText | undefined> {
  return (await store.getDelivery(sentId(key)))?.response as SentText | undefined;
}

/**
 * Notes that SNS accepted the day's text, before the invoices are recorded: a retry of the owner
 * then records them without sending again. Written once; a second write (a retry that raced
 * itself) keeps the first.
 */
export async function noteTextSent(store: CreditStore, key: TextKey, sent: SentText): Promise<void> {
  try {
    await store.commit([
      {
        kind: 'recordDelivery',
        delivery: { id: sentId(key), receivedAt: sent.sentAt, statusCode: 200, response: sent },
      },
    ]);
  } catch (error) {
    if (!(error instanceof ConcurrentModificationError)) throw error;
  }
}
