import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { PaymentPromise } from '../../core/promises/promise-to-pay';
import { isReachingOutcome, outcomeCounts, paidAfterContact } from '../../core/reports/controller-activity';
import type { CollectionTask } from '../../core/tasks/collection-task';
import type { CreditStore, StoreWrite } from '../../ports/credit-store';

/**
 * The writes that keep GET /reports/controllers current: each joins the transaction of the fact it
 * counts (an outcome recorded, a promise taken or kept, a payment booked), so a fact is counted
 * exactly when it is recorded, and a retried request that records nothing counts nothing.
 */

/** A promise names its controller as `user:<sub>`. */
function subOf(actor: string): string {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : actor;
}

/** A task's outcome: a task done (on time or not), a call made and whether it reached the debtor. */
export function outcomeActivity(
  task: Pick<CollectionTask, 'kind' | 'dueDate' | 'snoozed' | 'debtorId'>,
  outcome: string,
  by: { sub: string; email?: string | null },
  now: Date,
): StoreWrite[] {
  const day = localDate(now, BUSINESS_TIME_ZONE);
  const writes: StoreWrite[] = [
    {
      kind: 'countActivity',
      activity: {
        owner: by.sub,
        ...(by.email ? { email: by.email } : {}),
        day,
        counts: outcomeCounts(task, outcome, day),
      },
    },
  ];
  if (task.kind === 'call' && task.debtorId && isReachingOutcome(outcome)) {
    writes.push(contact(task.debtorId, by, now));
  }
  return writes;
}

/** A promise taken: counted for its controller, and the debtor was reached. */
export function promiseTakenActivity(
  promise: Pick<PaymentPromise, 'debtorId' | 'takenBy'>,
  email: string | null | undefined,
  now: Date,
): StoreWrite[] {
  const by = { sub: subOf(promise.takenBy), email };
  return [
    {
      kind: 'countActivity',
      activity: {
        owner: by.sub,
        ...(email ? { email } : {}),
        day: localDate(now, BUSINESS_TIME_ZONE),
        counts: { promisesTaken: 1 },
      },
    },
    contact(promise.debtorId, by, now),
  ];
}

/** A promise kept: counted for the controller who took it, on the day it was decided. */
export function promiseKeptActivity(promise: Pick<PaymentPromise, 'takenBy'>, now: Date): StoreWrite {
  return {
    kind: 'countActivity',
    activity: {
      owner: subOf(promise.takenBy),
      day: localDate(now, BUSINESS_TIME_ZONE),
      counts: { promisesKept: 1 },
    },
  };
}

/**
 * A payment on the debtor within CONTACT_CREDIT_DAYS after a controller last reached it counts as
 * collected by that controller, on the day the money arrived.
 */
export async function collectedActivity(
  store: CreditStore,
  payment: { debtorId: string; amount: number; currency: string; receivedAt: string },
): Promise<StoreWrite[]> {
  const last = await store.getLastContact(payment.debtorId);
  if (!last || payment.amount <= 0) return [];
  const paidOn = localDate(new Date(payment.receivedAt), BUSINESS_TIME_ZONE);
  const contactOn = localDate(new Date(last.at), BUSINESS_TIME_ZONE);
  if (!paidAfterContact(contactOn, paidOn)) return [];
  return [
    {
      kind: 'countActivity',
      activity: {
        owner: last.by,
        ...(last.email ? { email: last.email } : {}),
        day: paidOn,
        counts: { collected: { [payment.currency]: payment.amount } },
      },
    },
  ];
}

function contact(debtorId: string, by: { sub: string; email?: string | null }, now: Date): StoreWrite {
  return {
    kind: 'putLastContact',
    contact: { debtorId, by: by.sub, ...(by.email ? { email: by.email } : {}), at: now.toISOString() },
  };
}
