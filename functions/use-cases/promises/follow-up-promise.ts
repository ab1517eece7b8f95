import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import type { TimelineEventType } from '../../core/ledger/timeline';
import { formatMoney } from '../../core/money';
import { lastDayToPay, type PaymentPromise, promiseVerdict } from '../../core/promises/promise-to-pay';
import { openTask } from '../../core/tasks/collection-task';
import type { CreditStore, InvoiceRecord, PromiseRecord, StoreWrite } from '../../ports/credit-store';
import type { DunningDeps } from '../dunning/start-dunning';
import { resumeDunning } from '../dunning/resume-dunning';
import { firstVersion, retryOnConflict, revised } from '../record-versions';
import { adverseFactWrites } from '../score/reassess-debtor';
import { promiseKeptActivity } from '../reports/controllers-activity';

/** Who the timeline names for a promise decided by the daily sweep or by a settlement. */
const FOLLOW_UP_ACTOR = 'sweep';

export type FollowUpResult = 'open' | 'kept' | 'broken' | 'cancelled' | 'missing';

/** One task per broken promise: a repeated follow-up finds it. */
export function brokenPromiseTaskId(promiseId: string): string {
  return `broken-promise--${promiseId}`;
}

/**
 * Decides an open promise, if its time has come, and ends the pause of its invoices. Kept: every
 * invoice settled, or the payments received in time cover the promised amount; an invoice that
 * still has something open resumes its dunning. Broken: a high-priority task goes on the list
 * and the dunning resumes at the next step it had not done. A promise decided before (the
 * resume was lost) only resumes what is still paused for it. Safe to repeat.
 */
export async function followUpPromise(deps: DunningDeps, promiseId: string): Promise<FollowUpResult> {
  const decided = await retryOnConflict(() => decide(deps, promiseId));
  if (decided === 'missing' || decided.status === 'open') return decided === 'missing' ? 'missing' : 'open';
  for (const invoiceId of decided.invoiceIds) {
    await resumeDunning(deps, invoiceId, { reason: 'promise', ref: decided.id }, FOLLOW_UP_ACTOR);
  }
  return decided.status;
}

async function decide(deps: DunningDeps, promiseId: string): Promise<PromiseRecord | 'missing'> {
  const promise = await deps.store.getPromise(promiseId);
  if (!promise) return 'missing';
  if (promise.status !== 'open') return promise;

  const now = deps.clock.now();
  const today = localDate(now, BUSINESS_TIME_ZONE);
  const invoices = (await Promise.all(promise.invoiceIds.map((id) => deps.store.getInvoice(id)))).filter(
    (invoice): invoice is InvoiceRecord => invoice !== undefined,
  );
  const anythingOpen = invoices.some((invoice) => isCollecting(invoice) && hasOpenBalance(invoice));
  const allCancelled = invoices.every((invoice) => invoice.status === 'cancelled');
  const paidInTime = await paidInTimeFor(deps.store, promise);
  const verdict =
    !anythingOpen && allCancelled
      ? 'cancelled'
      : promiseVerdict({ promise, paidInTime, anythingOpen, today });
  if (verdict === 'open') return promise;

  const at = now.toISOString();
  const decided = revised(promise, { status: verdict, paidAmount: paidInTime, resolvedAt: at }, now);
  const money = (amount: number) => formatMoney({ amount, currency: promise.currency }, 'en');
  const summary = {
    kept: `Promise to pay ${money(promise.amount)} by ${promise.promisedDate} kept`,
    broken: `Promise to pay ${money(promise.amount)} by ${promise.promisedDate} broken: ${money(paidInTime)} received by ${lastDayToPay(promise)}; the dunning resumes at the next step`,
    cancelled: `Promise to pay ${money(promise.amount)} by ${promise.promisedDate} cancelled: its invoices were cancelled`,
  }[verdict];
  const type: TimelineEventType = `promise_${verdict}`;
  const writes: StoreWrite[] = [
    { kind: 'putPromise', promise: decided, expectedVersion: promise.version },
    ...(verdict === 'kept' ? [promiseKeptActivity(promise, now)] : []),
  ];
  for (const invoice of invoices) {
    writes.push({
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: { at, type, actor: FOLLOW_UP_ACTOR, summary, details: { promiseId: promise.id, paidInTime } },
    });
  }
  const stillOpen = invoices.find((invoice) => isCollecting(invoice) && hasOpenBalance(invoice));
  if (verdict === 'broken' && stillOpen)
    writes.push(...(await brokenPromiseTask(deps.store, promise, stillOpen, today, at)));
  if (verdict === 'broken')
    writes.push(...(await adverseFactWrites(deps.store, promise.debtorId, 'promise_broken', now)));
  await deps.store.commit(writes);
  return decided;
}

/**
 * What was paid on the promise's invoices since it was taken and received no later than the
 * last day to pay (the payment's own date, not the day it was booked).
 */
async function paidInTimeFor(store: CreditStore, promise: PaymentPromise): Promise<number> {
  const lastDay = lastDayToPay(promise);
  let paid = 0;
  for (const invoiceId of promise.invoiceIds) {
    const timeline = await store.timeline({ invoiceId });
    for (const entry of timeline) {
      if (entry.type !== 'payment_received' || entry.at < promise.takenAt) continue;
      const paymentId = entry.details?.paymentId;
      const amount = entry.details?.amount;
      if (typeof paymentId !== 'string' || typeof amount !== 'number') continue;
      const payment = await store.getPayment(paymentId);
      const receivedOn = localDate(new Date(payment?.receivedAt ?? entry.at), BUSINESS_TIME_ZONE);
      if (receivedOn <= lastDay) paid += amount;
    }
  }
  return paid;
}

async function brokenPromiseTask(
  store: CreditStore,
  promise: PaymentPromise,
  invoice: InvoiceRecord,
  today: string,
  at: string,
): Promise<StoreWrite[]> {
  const id = brokenPromiseTaskId(promise.id);
  if (await store.getTask(id)) return [];
  const count = promise.invoiceIds.length;
  const summary = `Broken promise: ${formatMoney({ amount: promise.amount, currency: promise.currency }, 'en')} promised by ${promise.promisedDate} for ${count === 1 ? `invoice ${invoice.number}` : `${count} invoices`} was not paid`;
  const task = openTask({ id, kind: 'broken_promise', invoice, today, summary });
  return [
    { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at,
        type: 'task_created',
        actor: FOLLOW_UP_ACTOR,
        summary,
        details: { taskId: id, kind: 'broken_promise', priority: task.priority, promiseId: promise.id },
      },
    },
  ];
}
