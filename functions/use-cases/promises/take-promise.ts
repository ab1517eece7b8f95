import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import { promiseRulesOf } from '../../core/dunning/dunning-policy';
import { formatMoney } from '../../core/money';
import {
  brokenPromisesOn,
  followUpDay,
  type PaymentPromise,
  promiseIssues,
} from '../../core/promises/promise-to-pay';
import type { InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import {
  pausedInvoice,
  pauseWrites,
  refuseUnlessPausable,
  stopPausedExecutions,
} from '../dunning/pause-dunning';
import type { DunningDeps } from '../dunning/start-dunning';
import { firstVersion, retryOnConflict } from '../record-versions';
import { forbidden, invalid, notFound } from '../refusal';
import { promiseTakenActivity } from '../reports/controllers-activity';
import { type PromiseView, promiseView } from './promise-view';

export interface TakePromiseInput {
  invoiceIds: readonly string[];
  /** Set when the promise is taken on the debtor: every invoice must be the debtor's. */
  debtorId?: string;
  promisedDate: CalendarDate;
  amount?: number;
  note?: string;
  /** The user's id (`sub`). */
  by: string;
  /** The user's email, shown with their figures in GET /reports/controllers. */
  byEmail?: string | null;
  /** Managers may take a promise on an invoice whose earlier promises were broken too often. */
  isManager: boolean;
  /** The call task whose outcome the promise is. */
  taskId?: string;
  /** Who the timeline names instead of `user:<by>`: `debtor` for a promise from the self-service page. */
  actor?: string;
}

/**
 * Records a promise to pay and pauses the dunning of its invoices: no letter, call or escalation
 * while it is open. The promise, each paused invoice, the timeline entries (who took it) and any
 * other writes of the caller land in one transaction; then the running executions are stopped.
 */
export async function takePromise(
  deps: DunningDeps,
  input: TakePromiseInput,
  alsoWrite: () => Promise<StoreWrite[]> = async () => [],
): Promise<PromiseView> {
  const { promise, before } = await retryOnConflict(async () => {
    const invoices = await invoicesOf(deps, input);
    const now = deps.clock.now();
    const debtor = await debtorOfInvoice(deps.store, invoices[0]!);
    const policy = await policyOfInvoice(deps.store, invoices[0]!, debtor);
    const rules = promiseRulesOf(policy);
    const today = localDate(now, policy.timeZone);
    const openAmount = invoices.reduce((total, invoice) => total + invoice.openAmount, 0);

    const issues = promiseIssues({
      promisedDate: input.promisedDate,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      openAmount,
      today,
      maxPromiseDays: rules.maxPromiseDays,
    });
    if (issues.length > 0) throw invalid(issues, 'The promise cannot be recorded as asked.');
    for (const invoice of invoices) refuseUnlessPausable(invoice, 'promise', 'promise');

    const earlier = await deps.store.listPromisesOfDebtor(debtor.id);
    if (!input.isManager) {
      for (const invoice of invoices) {
        const broken = brokenPromisesOn(earlier, invoice.id);
        if (broken >= rules.maxBrokenPromises) {
          throw forbidden(
            `Invoice ${invoice.number} has ${broken} broken promises to pay (the policy allows ${rules.maxBrokenPromises}); only a manager may record a new one.`,
          );
        }
      }
    }

    const at = now.toISOString();
    const actor = input.actor ?? `user:${input.by}`;
    const promise: PaymentPromise = {
      id: `promise-${randomUUID()}`,
      debtorId: debtor.id,
      invoiceIds: invoices.map((invoice) => invoice.id),
      currency: invoices[0]!.currency,
      promisedDate: input.promisedDate,
      amount: input.amount ?? openAmount,
      status: 'open',
      ...(input.note ? { note: input.note } : {}),
      takenBy: actor,
      takenAt: at,
      ...(input.taskId ? { taskId: input.taskId } : {}),
      graceDays: rules.promiseGraceDays,
      followUpOn: followUpDay(input.promisedDate, rules.promiseGraceDays),
    };
    const money = formatMoney({ amount: promise.amount, currency: promise.currency }, 'en');
    const writes: StoreWrite[] = [
      { kind: 'putPromise', promise: firstVersion(promise, at), expectedVersion: null },
      ...promiseTakenActivity(promise, input.byEmail, now),
    ];
    for (const invoice of invoices) {
      const paused = await pausedInvoice(
        deps.store,
        invoice,
        debtor,
        { reason: 'promise', by: actor, at, until: promise.followUpOn, ref: promise.id },
        now,
      );
      writes.push(
        ...pauseWrites(invoice, paused, `Dunning paused for a promise to pay until ${promise.followUpOn}`),
        {
          kind: 'appendEvent',
          subject: { invoiceId: invoice.id },
          event: {
            at,
            type: 'promise_taken',
            actor,
            summary: `Promise to pay ${money} by ${promise.promisedDate} taken by ${input.by}`,
            details: {
              promiseId: promise.id,
              promisedDate: promise.promisedDate,
              amount: promise.amount,
              followUpOn: promise.followUpOn,
              ...(input.note ? { note: input.note } : {}),
              ...(input.taskId ? { taskId: input.taskId } : {}),
            },
          },
        },
      );
    }
    await deps.store.commit([...writes, ...(await alsoWrite())]);
    return { promise, before: invoices };
  });
  await stopPausedExecutions(deps.workflow, before, 'promise to pay');
  return promiseView(promise);
}

async function invoicesOf(deps: DunningDeps, input: TakePromiseInput): Promise<InvoiceRecord[]> {
  const ids = [...new Set(input.invoiceIds)];
  if (ids.length === 0) throw invalid([{ path: 'invoiceIds', message: 'name at least one invoice' }]);
  // The debtor in the path first: a promise for nobody is a 404, whatever invoices it names.
  if (input.debtorId && !(await deps.store.getDebtor(input.debtorId))) {
    throw notFound(`Debtor ${input.debtorId} does not exist.`, 'debtor_not_found');
  }
  const invoices: InvoiceRecord[] = [];
  for (const id of ids) {
    const invoice = await deps.store.getInvoice(id);
    if (!invoice) {
      if (input.debtorId) throw invalid([{ path: 'invoiceIds', message: `invoice ${id} does not exist` }]);
      throw notFound(`Invoice ${id} does not exist.`, 'invoice_not_found');
    }
    invoices.push(invoice);
  }
  if (input.debtorId) {
    const foreign = invoices.find((invoice) => invoice.debtorId !== input.debtorId);
    if (foreign) {
      throw invalid([
        {
          path: 'invoiceIds',
          message: `invoice ${foreign.id} belongs to another debtor than ${input.debtorId}`,
        },
      ]);
    }
  }
  const currency = invoices[0]!.currency;
  if (invoices.some((invoice) => invoice.currency !== currency)) {
    throw invalid([{ path: 'invoiceIds', message: 'the invoices of one promise must share one currency' }]);
  }
  return invoices;
}
