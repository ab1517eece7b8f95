import { type CalendarDate, isAfter, isBefore } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import { conflict, invalid, notFound } from '../refusal';
import { letterKeyOf } from './posted-letter-id';

export interface LetterDeliveryDeps {
  store: CreditStore;
  clock: Clock;
}

export interface LetterDelivery {
  /** The id the print order carried (`letterId` on print-queue). */
  letterId: string;
  deliveredOn: CalendarDate;
  /** The post's track-and-trace code of the registered letter, kept as evidence. */
  trackingCode?: string;
  /** Who confirmed it (the caller's sub). */
  by: string;
}

export interface LetterDeliveryRecorded {
  letterId: string;
  deliveredOn: CalendarDate;
  invoiceIds: string[];
  /** False when this delivery had been confirmed before (the same request again): nothing changed. */
  recorded: boolean;
}

/**
 * Records the confirmed delivery of a registered letter on every invoice it lists: the day it
 * counts as received (art. 3:37 lid 3 BW), from the day after which its term runs, instead of the
 * postal delivery days the claim assumes otherwise. One confirmation per letter: the same one
 * again answers as the first did; another day is refused, because a term once running cannot
 * start again. The entry's key is the letter's, so two confirmations at once write one entry.
 */
export async function confirmLetterDelivery(
  deps: LetterDeliveryDeps,
  input: LetterDelivery,
): Promise<LetterDeliveryRecorded> {
  const key = letterKeyOf(input.letterId);
  const letter = key && (await deps.store.getLetter(key));
  if (!letter || letter.status !== 'sent' || !letter.content?.post) {
    throw notFound(`No letter by post with id ${input.letterId}`, 'letter_not_found');
  }
  if (!letter.content.post.registered) {
    throw conflict(
      `Letter ${input.letterId} went by ordinary post: its receipt counts by the postal delivery days`,
      'letter_not_registered',
    );
  }
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  if (isBefore(input.deliveredOn, letter.day)) {
    throw invalid([
      { path: 'body.deliveredOn', message: `must not be before the letter's day, ${letter.day}` },
    ]);
  }
  if (isAfter(input.deliveredOn, today)) {
    throw invalid([{ path: 'body.deliveredOn', message: `must not be after today, ${today}` }]);
  }

  const [owner = ''] = letter.invoiceIds;
  const earlier = (await deps.store.timeline({ invoiceId: owner })).find(
    (event) => event.type === 'letter_delivered' && event.details?.messageId === input.letterId,
  );
  if (earlier) {
    if (earlier.details?.deliveredOn !== input.deliveredOn) {
      throw conflict(
        `The delivery of letter ${input.letterId} was confirmed before, on ${String(earlier.details?.deliveredOn)}`,
        'delivery_already_confirmed',
      );
    }
    return {
      letterId: input.letterId,
      deliveredOn: input.deliveredOn,
      invoiceIds: letter.invoiceIds,
      recorded: false,
    };
  }

  const at = deps.clock.now().toISOString();
  const writes: StoreWrite[] = letter.invoiceIds.map((invoiceId) => ({
    kind: 'appendEvent',
    subject: { invoiceId },
    key: `letter-delivered#${input.letterId}`,
    event: {
      at,
      type: 'letter_delivered',
      actor: input.by,
      summary: `${letter.slot} letter delivered by registered post on ${input.deliveredOn}`,
      details: {
        messageId: input.letterId,
        slot: letter.slot,
        deliveredOn: input.deliveredOn,
        ...(input.trackingCode ? { trackingCode: input.trackingCode } : {}),
      },
    },
  }));
  await deps.store.commit(writes);
  return {
    letterId: input.letterId,
    deliveredOn: input.deliveredOn,
    invoiceIds: letter.invoiceIds,
    recorded: true,
  };
}
