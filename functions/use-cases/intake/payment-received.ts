import type { PaymentReceivedData } from '../../api/schemas/webhook-events';
import { daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import { normalisePaymentReference } from '../../core/payments/payment-reference';
import type { BehaviourCounters, DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { revised } from '../record-versions';
import { invalid } from '../refusal';
import {
  applied,
  type Effect,
  type FollowUp,
  type IntakeDeps,
  parked,
  type Subject,
  timelineEntry,
} from './effect';
import { accountCredited } from './account-credit';
import { creditsWith, payClaim } from './settlement';
import { planOfPayment, planPaymentReceived } from '../plans/plan-payment';
import { recoveredOnWriteOff } from '../special/write-off';
import { type PaidInvoice, reassessedAfterPayments } from '../score/reassess-debtor';
import { isAgencyCollection } from '../../core/agency/agency-claim';
import { collectedActivity } from '../reports/controllers-activity';

/** Whom a payment is for: the invoices it may pay, oldest first, and the debtor who keeps the rest. */
interface Allocation {
  debtor: DebtorRecord;
  invoices: InvoiceRecord[];
  /** The invoice named by id or reference; absent for a payment on the debtor's account. */
  invoiceId?: string;
}

/**
 * Books a payment: the payment record (booked once per payment id, whatever the deliveries), the
 * lower open amounts and the timeline land in one transaction. An invoice paid in full is closed,
 * counts in the debtor's payment behaviour, and its dunning stops; a partial payment leaves the
 * dunning running for the rest. What no invoice takes is kept as credit on the debtor's account,
 * where it pays the debtor's oldest open invoice once committed (see set-off-credit.ts).
 */
export async function paymentReceived(
  deps: IntakeDeps,
  payment: PaymentReceivedData,
  at: Date,
): Promise<Effect> {
  if (await deps.store.getPayment(payment.id)) return applied([]);
  const plan = await planOfPayment(deps.store, payment);
  if (plan) return planPaymentReceived(deps, payment, plan, at);
  const allocation = await allocate(deps, payment);
  if ('waitingFor' in allocation) return parked(allocation.waitingFor);

  const { debtor, invoices } = allocation;
  const money = (amount: number) => formatMoney({ amount, currency: payment.currency }, 'en');
  const paidOn = localDate(new Date(payment.receivedAt), BUSINESS_TIME_ZONE);
  const writes: StoreWrite[] = [];
  const followUps: FollowUp[] = [];
  let behaviour = debtor.behaviour;
  const paidInFull: PaidInvoice[] = [];
  let remaining = payment.amount;

  for (const invoice of invoices) {
    if (remaining === 0) break;
    if (invoice.status === 'written_off') {
      const recovered = recoveredOnWriteOff(
        invoice,
        { paymentId: payment.id, amount: remaining, receivedAt: payment.receivedAt },
        at,
        deps.vatPeriod ?? 'quarter',
      );
      remaining -= recovered.taken;
      writes.push(
        { kind: 'putInvoice', invoice: recovered.invoice, expectedVersion: invoice.version },
        timelineEntry(
          { invoiceId: invoice.id },
          at,
          'payment_received',
          `Payment of ${money(recovered.taken)} received on the written-off invoice: the debtor paid after all`,
          { paymentId: payment.id, amount: recovered.taken, onWrittenOff: true },
        ),
      );
      continue;
    }
    const reduction = payClaim(invoice, remaining, { closedAt: payment.receivedAt, reason: 'paid' }, at);
    remaining -= reduction.taken;
    const { costs, interest, principal } = reduction.applied;
    const toClaim =
      costs + interest > 0
        ? ` (${money(costs)} to costs and ${money(interest)} to interest first, art. 6:44 BW; ${money(principal)} to the principal)`
        : '';
    writes.push(
      { kind: 'putInvoice', invoice: reduction.invoice, expectedVersion: invoice.version },
      timelineEntry(
        { invoiceId: invoice.id },
        at,
        'payment_received',
        `Payment of ${money(reduction.taken)} received${toClaim}; ${money(reduction.invoice.openAmount)} still open`,
        {
          paymentId: payment.id,
          // `amount` is what lowered the principal; the claim reads it as such.
          amount: principal,
          openAmount: reduction.invoice.openAmount,
          ...(costs + interest > 0 ? { toCosts: costs, toInterest: interest } : {}),
        },
      ),
    );
    if (invoice.status === 'in_collection' && !isAgencyCollection(payment.id)) {
      followUps.push({
        kind: 'tellAgencyOfPayment',
        invoiceId: invoice.id,
        paymentId: payment.id,
        amount: reduction.taken,
        currency: payment.currency,
        receivedAt: payment.receivedAt,
      });
    }
    if (reduction.settled) {
      behaviour = countedAsPaid(behaviour, invoice.dueDate, paidOn);
      paidInFull.push({ dueDate: invoice.dueDate, paidOn, amount: invoice.totalAmount });
      writes.push(
        timelineEntry(
          { invoiceId: invoice.id },
          at,
          'invoice_paid',
          `Invoice ${invoice.number} paid in full`,
        ),
      );
      followUps.push({ kind: 'stopExecution', before: invoice, reason: 'paid' });
    }
  }

  if (remaining > 0) {
    const credited = accountCredited(
      {
        debtorId: debtor.id,
        currency: payment.currency,
        amount: remaining,
        ...(allocation.invoiceId ? { invoiceId: allocation.invoiceId } : {}),
        summary: `${money(remaining)} of payment ${payment.id} credited to the debtor's account`,
        details: { paymentId: payment.id },
      },
      at,
    );
    writes.push(...credited.writes);
    followUps.push(credited.followUp);
  }
  if (remaining > 0 || behaviour !== debtor.behaviour) {
    const credits = remaining > 0 ? creditsWith(debtor, payment.currency, remaining) : debtor.credits;
    const reassessed = await reassessedAfterPayments(deps.store, debtor, behaviour, paidInFull, at);
    writes.push(
      {
        kind: 'putDebtor',
        debtor: revised(debtor, { ...reassessed.fields, credits }, at),
        expectedVersion: debtor.version,
      },
      ...reassessed.writes,
    );
  }
  writes.push(...(await collectedActivity(deps.store, { ...payment, debtorId: debtor.id })));
  writes.push({
    kind: 'putPayment',
    payment: {
      id: payment.id,
      debtorId: debtor.id,
      invoiceId: allocation.invoiceId,
      amount: payment.amount,
      currency: payment.currency,
      receivedAt: payment.receivedAt,
      appliedAmount: payment.amount - remaining,
    },
  });
  return applied(writes, followUps);
}

/** Matches by invoice id, else by payment reference, else to the debtor's oldest open invoices. */
async function allocate(
  deps: IntakeDeps,
  payment: PaymentReceivedData,
): Promise<Allocation | { waitingFor: Subject }> {
  if (payment.invoiceId !== undefined)
    return allocateToInvoice(deps, payment, payment.invoiceId, 'invoiceId');
  if (payment.reference !== undefined) {
    const reference = normalisePaymentReference(payment.reference);
    const invoiceId = await deps.store.findInvoiceIdByReference(reference);
    if (invoiceId) return allocateToInvoice(deps, payment, invoiceId, 'reference');
    const letter = await deps.store.findLetterByReference(reference);
    if (letter) return allocateToLetter(deps, payment, letter.invoiceIds);
    return { waitingFor: { kind: 'reference', id: reference } };
  }
  const debtorId = payment.debtorId;
  if (debtorId === undefined) throw new Error('the webhook schema lets no payment through without a target');
  const debtor = await deps.store.getDebtor(debtorId);
  if (!debtor) return { waitingFor: { kind: 'debtor', id: debtorId } };
  const invoices = (await deps.store.listInvoicesOfDebtor(debtorId))
    .filter((invoice) => invoice.currency === payment.currency && hasOpenBalance(invoice))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate));
  return { debtor, invoices };
}

async function allocateToInvoice(
  deps: IntakeDeps,
  payment: PaymentReceivedData,
  invoiceId: string,
  matchedBy: 'invoiceId' | 'reference',
): Promise<Allocation | { waitingFor: Subject }> {
  const invoice = await deps.store.getInvoice(invoiceId);
  if (!invoice) return { waitingFor: { kind: 'invoice', id: invoiceId } };
  if (invoice.currency !== payment.currency) {
    throw invalid(
      [
        {
          path: 'data.currency',
          message: `the invoice matched by ${matchedBy} is in ${invoice.currency}; a payment in ${payment.currency} cannot be booked against it`,
        },
      ],
      'The payment is in another currency than its invoice.',
    );
  }
  const debtor = await debtorOfInvoice(deps.store, invoice);
  // A written-off invoice takes a payment on what was written off: the debtor paid after all.
  const takes = hasOpenBalance(invoice) || invoice.status === 'written_off';
  return { debtor, invoices: takes ? [invoice] : [], invoiceId: invoice.id };
}

/**
 * A payment quoting the own reference of a letter that listed several invoices: it pays those
 * invoices oldest first (each its costs, interest and principal, as payClaim applies them), and
 * what they do not take goes to the debtor's account. Invoices settled or cancelled since take
 * nothing.
 */
async function allocateToLetter(
  deps: IntakeDeps,
  payment: PaymentReceivedData,
  invoiceIds: readonly string[],
): Promise<Allocation> {
  const listed = await Promise.all(invoiceIds.map((id) => deps.store.getInvoice(id)));
  const found = listed.filter((invoice): invoice is InvoiceRecord => invoice !== undefined);
  const [first] = found;
  if (!first) throw new Error(`the invoices of a letter's reference are missing: ${invoiceIds.join(', ')}`);
  if (first.currency !== payment.currency) {
    throw invalid(
      [
        {
          path: 'data.currency',
          message: `the letter matched by reference asks for ${first.currency}; a payment in ${payment.currency} cannot be booked against it`,
        },
      ],
      'The payment is in another currency than its letter.',
    );
  }
  const debtor = await debtorOfInvoice(deps.store, first);
  const invoices = found
    .filter(hasOpenBalance)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate));
  return { debtor, invoices };
}

/** Payment behaviour counts whole days from the due date to the day the money arrived (Amsterdam). */
export function countedAsPaid(
  counters: BehaviourCounters,
  dueDate: string,
  paidOn: string,
): BehaviourCounters {
  const daysLate = Math.max(0, daysBetween(dueDate, paidOn));
  return {
    ...counters,
    invoicesPaid: counters.invoicesPaid + 1,
    invoicesPaidLate: counters.invoicesPaidLate + (daysLate > 0 ? 1 : 0),
    totalDaysLate: counters.totalDaysLate + daysLate,
  };
}
