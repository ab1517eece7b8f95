import { localDate } from '../../core/calendar/time-zone';
import { promiseRulesOf } from '../../core/dunning/dunning-policy';
import { followUpDay, promiseIssues } from '../../core/promises/promise-to-pay';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { PromiseRecord, StoreWrite } from '../../ports/credit-store';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, invalid, notFound } from '../refusal';
import { DEBTOR_ACTOR, type SelfServiceDeps } from './self-service-deps';

/**
 * The debtor moves their own open promise to another date, once: within the policy's limits as a
 * new promise would be, and the pause of its invoices moves with its follow-up day. A promise a
 * controller took, or one moved before, is refused: the debtor then calls.
 */
export async function moveOwnPromise(
  deps: SelfServiceDeps,
  promiseId: string,
  promisedDate: CalendarDate,
): Promise<PromiseRecord> {
  return retryOnConflict(async () => {
    const promise = await deps.store.getPromise(promiseId);
    if (!promise || promise.status !== 'open') throw notFound(`Promise ${promiseId} is not open.`);
    if (promise.takenBy !== DEBTOR_ACTOR || promise.moved) {
      throw conflict('This promise can no longer be moved on the page.', 'promise_not_movable');
    }
    const invoices = await Promise.all(promise.invoiceIds.map((id) => deps.store.getInvoice(id)));
    const first = invoices[0];
    if (!first) throw notFound(`The invoices of promise ${promiseId} do not exist.`);
    const debtor = await debtorOfInvoice(deps.store, first);
    const policy = await policyOfInvoice(deps.store, first, debtor);
    const rules = promiseRulesOf(policy);
    const now = deps.clock.now();
    const today = localDate(now, policy.timeZone);
    const issues = promiseIssues({
      promisedDate,
      openAmount: promise.amount,
      today,
      maxPromiseDays: rules.maxPromiseDays,
    });
    if (issues.length > 0) throw invalid(issues, 'The promise cannot be moved as asked.');
    const at = now.toISOString();
    const followUpOn = followUpDay(promisedDate, promise.graceDays);
    const moved = revised(
      promise,
      { promisedDate, followUpOn, moved: { from: promise.promisedDate, at, by: DEBTOR_ACTOR } },
      now,
    );
    const writes: StoreWrite[] = [{ kind: 'putPromise', promise: moved, expectedVersion: promise.version }];
    for (const invoice of invoices) {
      if (!invoice) continue;
      if (invoice.dunning?.pauseRef === promise.id) {
        writes.push({
          kind: 'putInvoice',
          invoice: revised(invoice, { dunning: { ...invoice.dunning, pausedUntil: followUpOn } }, now),
          expectedVersion: invoice.version,
        });
      }
      writes.push({
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'promise_moved',
          actor: DEBTOR_ACTOR,
          summary: `Promise to pay moved by the debtor on the self-service page from ${promise.promisedDate} to ${promisedDate}`,
          details: { promiseId: promise.id, from: promise.promisedDate, to: promisedDate, followUpOn },
        },
      });
    }
    await deps.store.commit(writes);
    return moved;
  });
}
