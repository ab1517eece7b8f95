import type { PaymentReceivedData } from '../../api/schemas/webhook-events';
import { formatMoney } from '../../core/money';
import type { StoreWrite } from '../../ports/credit-store';
import { runFollowUps } from '../intake/apply-parked';
import { type IntakeDeps, timelineEntry } from '../intake/effect';
import { paymentReceived } from '../intake/payment-received';
import { retryOnConflict, revised } from '../record-versions';
import { conflict, notFound } from '../refusal';
import { unappliedPaymentTaskId } from './unapplied-cash';
import { view, type UnappliedPaymentView } from './unapplied-payments';

export interface PaymentAssignment {
  paymentId: string;
  /** The invoice it pays (the rest is credit for its debtor), or the debtor whose account takes it. */
  target: { invoiceId: string } | { debtorId: string };
  /** The controller's user id (`sub`). */
  by: string;
}

/**
 * POST /payments/{id}/assignment: a controller says whom unapplied cash belongs to. It is booked as
 * if the payment had named that invoice or debtor from the start: applied to the invoice (or to the
 * debtor's oldest open invoices), what is left as credit on the debtor's account. Once only: the
 * unapplied record is written over the version read and the payment record only where none
 * exists, so a second assignment, even at the same moment, is refused with 409.
 */
export async function assignPayment(
  deps: IntakeDeps,
  input: PaymentAssignment,
): Promise<{ payment: UnappliedPaymentView }> {
  const { result, followUps } = await retryOnConflict(async () => {
    const unapplied = await deps.store.getUnappliedPayment(input.paymentId);
    if (!unapplied) {
      throw notFound(`Payment ${input.paymentId} is not unapplied cash.`, 'payment_not_found');
    }
    if (unapplied.status !== 'unapplied' || (await deps.store.getPayment(unapplied.id))) {
      throw conflict(
        `Payment ${unapplied.id} was assigned already${unapplied.assignment ? ` on ${unapplied.assignment.at}` : ''}.`,
        'payment_already_assigned',
      );
    }
    const debtorId = await debtorOf(deps, input.target, unapplied.currency);
    const now = deps.clock.now();
    const at = now.toISOString();
    const payment: PaymentReceivedData = {
      id: unapplied.id,
      amount: unapplied.amount,
      currency: unapplied.currency,
      receivedAt: unapplied.receivedAt,
      ...input.target,
    };
    const effect = await paymentReceived(deps, payment, now);
    if (effect.outcome !== 'applied')
      throw new Error(`the target of payment ${unapplied.id} exists, yet it parked`);

    const assignment = { ...input.target, debtorId, by: input.by, at };
    const assigned = revised(unapplied, { status: 'assigned', assignment }, now);
    const money = formatMoney({ amount: unapplied.amount, currency: unapplied.currency }, 'en');
    const subject = 'invoiceId' in input.target ? { invoiceId: input.target.invoiceId } : { debtorId };
    const writes: StoreWrite[] = [
      ...effect.writes,
      { kind: 'putUnappliedPayment', payment: assigned, expectedVersion: unapplied.version },
      timelineEntry(
        subject,
        now,
        'payment_assigned',
        `Unapplied payment ${unapplied.id} of ${money} assigned here by hand`,
        { paymentId: unapplied.id, amount: unapplied.amount, by: `user:${input.by}` },
      ),
    ];
    const task = await deps.store.getTask(unappliedPaymentTaskId(unapplied.id));
    if (task?.status === 'open') {
      const outcome = {
        result: 'done' as const,
        by: input.by,
        at,
        note: `assigned to ${Object.values(input.target)[0]}`,
      };
      writes.push({
        kind: 'putTask',
        task: revised(task, { status: 'closed', outcome }, now),
        expectedVersion: task.version,
      });
    }
    await deps.store.commit(writes);
    return { result: { payment: view(assigned) }, followUps: effect.followUps };
  });
  await runFollowUps(deps, followUps);
  return result;
}

/** The debtor who keeps what the payment leaves: the invoice's, or the one named. */
async function debtorOf(
  deps: IntakeDeps,
  target: PaymentAssignment['target'],
  currency: string,
): Promise<string> {
  if ('debtorId' in target) {
    if (!(await deps.store.getDebtor(target.debtorId))) {
      throw notFound(`Debtor ${target.debtorId} does not exist.`, 'debtor_not_found');
    }
    return target.debtorId;
  }
  const invoice = await deps.store.getInvoice(target.invoiceId);
  if (!invoice) throw notFound(`Invoice ${target.invoiceId} does not exist.`, 'invoice_not_found');
  if (invoice.currency !== currency) {
    throw conflict(
      `Invoice ${invoice.id} is in ${invoice.currency}; a payment in ${currency} cannot be booked against it.`,
      'currency_mismatch',
    );
  }
  return invoice.debtorId;
}
