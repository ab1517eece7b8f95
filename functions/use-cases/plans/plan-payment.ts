import type { PaymentReceivedData } from '../../api/schemas/webhook-events';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import { normalisePaymentReference } from '../../core/payments/payment-reference';
import { nextUnpaidInstalment, type PaymentPlan } from '../../core/plans/payment-plan';
import { allocateToInstalments, bookOnInvoices, type InvoiceBooking } from '../../core/plans/plan-allocation';
import type { CreditStore, InvoiceRecord, PlanRecord, StoreWrite } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { accountCredited } from '../intake/account-credit';
import { applied, type Effect, type FollowUp, type IntakeDeps, timelineEntry } from '../intake/effect';
import { countedAsPaid } from '../intake/payment-received';
import { creditsWith, payInvoice } from '../intake/settlement';
import { revised } from '../record-versions';
import { formatPaymentReference } from './plan-reference';
import { type PaidInvoice, reassessedAfterPayments } from '../score/reassess-debtor';

/**
 * The payment plan a payment is for, if any: one that carries the plan's reference (whatever
 * the plan's state), or, while a plan is active, one on an invoice of the plan or on its debtor
 * in the plan's currency. Undefined: the payment is booked as any other.
 */
export async function planOfPayment(
  store: CreditStore,
  payment: PaymentReceivedData,
): Promise<PlanRecord | undefined> {
  if (payment.reference !== undefined) {
    const reference = normalisePaymentReference(payment.reference);
    const planId = await store.findPlanIdByReference(reference);
    if (planId) return store.getPlan(planId);
    const invoiceId = await store.findInvoiceIdByReference(reference);
    return invoiceId ? activePlanOfInvoice(store, invoiceId, payment.currency) : undefined;
  }
  if (payment.invoiceId !== undefined) return activePlanOfInvoice(store, payment.invoiceId, payment.currency);
  if (payment.debtorId === undefined) return undefined;
  const plans = await store.listPlansOfDebtor(payment.debtorId);
  return plans.find((plan) => plan.status === 'active' && plan.currency === payment.currency);
}

async function activePlanOfInvoice(
  store: CreditStore,
  invoiceId: string,
  currency: string,
): Promise<PlanRecord | undefined> {
  const invoice = await store.getInvoice(invoiceId);
  const dunning = invoice?.dunning;
  // The pause stays on the record of an invoice the plan settled: later money still finds the plan.
  if (dunning?.pausedFor !== 'payment_plan' || !dunning.pauseRef) return undefined;
  const plan = await store.getPlan(dunning.pauseRef);
  return plan?.status === 'active' && plan.currency === currency ? plan : undefined;
}

/**
 * Books a payment for a payment plan, in one transaction with the payment record. While the plan
 * is active it fills the instalments in order and is booked against the plan's invoices, oldest
 * first (costs, interest, principal: art. 6:44 BW); each invoice's timeline names the
 * instalment that paid it. The last instalment paid completes the plan, and its invoices are
 * settled by the same payment. Money for a plan that ended pays its open invoices, oldest first.
 * What neither takes goes to the debtor's account, so money received = applied + credit.
 */
export async function planPaymentReceived(
  deps: IntakeDeps,
  payment: PaymentReceivedData,
  plan: PlanRecord,
  at: Date,
): Promise<Effect> {
  const invoices = new Map<string, InvoiceRecord>();
  for (const part of plan.parts) {
    const invoice = await deps.store.getInvoice(part.invoiceId);
    if (invoice) invoices.set(invoice.id, invoice);
  }
  const oldest = invoices.get(plan.parts[0]?.invoiceId ?? '');
  if (!oldest) throw new Error(`the invoices of payment plan ${plan.id} are missing`);
  const debtor = await debtorOfInvoice(deps.store, oldest);
  const reference = formatPaymentReference(plan.reference);
  const money = (amount: number) => formatMoney({ amount, currency: plan.currency }, 'en');
  const paidOn = localDate(new Date(payment.receivedAt), BUSINESS_TIME_ZONE);

  const writes: StoreWrite[] = [];
  const followUps: FollowUp[] = [];
  let bookings: InvoiceBooking[];
  let filled: number[] = [];
  if (plan.status === 'active') {
    const allocation = allocateToInstalments(plan.instalments, payment.amount);
    const booked = bookOnInvoices(plan.parts, allocation.taken);
    bookings = booked.bookings;
    filled = allocation.filled;
    const completed = nextUnpaidInstalment({ instalments: allocation.instalments }) === undefined;
    const next: PlanRecord = revised(
      plan,
      {
        instalments: allocation.instalments,
        parts: booked.parts,
        ...(completed ? { status: 'completed' as const, endedAt: at.toISOString() } : {}),
      },
      at,
    );
    writes.push({ kind: 'putPlan', plan: next, expectedVersion: plan.version });
    if (completed) {
      const summary = `Payment plan ${reference} completed: every instalment paid`;
      for (const subject of [
        { debtorId: plan.debtorId },
        ...plan.parts.map((p) => ({ invoiceId: p.invoiceId })),
      ]) {
        writes.push(timelineEntry(subject, at, 'payment_plan_completed', summary, { planId: plan.id }));
      }
      followUps.push({
        kind: 'stopPlanExecution',
        execution: plan.execution,
        reason: 'payment plan completed',
      });
    }
  } else {
    bookings = openInvoicesOldestFirst(plan, invoices, payment.amount);
  }

  let behaviour = debtor.behaviour;
  const paidInFull: PaidInvoice[] = [];
  let appliedTotal = 0;
  for (const booking of bookings) {
    const invoice = invoices.get(booking.invoiceId);
    if (!invoice) continue;
    const beside = booking.costs + booking.interest;
    appliedTotal += beside;
    const reduction =
      booking.principal > 0 && hasOpenBalance(invoice)
        ? payInvoice(invoice, booking.principal, { closedAt: payment.receivedAt, reason: 'paid' }, at)
        : { invoice, taken: 0, settled: false };
    appliedTotal += reduction.taken;
    if (reduction.taken > 0) {
      writes.push({ kind: 'putInvoice', invoice: reduction.invoice, expectedVersion: invoice.version });
    }
    const instalments = filled.length > 0 ? ` (instalment ${filled.join(', ')})` : '';
    const besides =
      beside > 0 ? `, of which ${money(booking.costs)} costs and ${money(booking.interest)} interest` : '';
    writes.push(
      timelineEntry(
        { invoiceId: invoice.id },
        at,
        'payment_received',
        `Payment of ${money(reduction.taken + beside)} received under payment plan ${reference}${instalments}${besides}; ${money(reduction.invoice.openAmount)} still open`,
        {
          paymentId: payment.id,
          // The claim lowers the principal by this amount: what went to costs and interest is apart.
          amount: reduction.taken,
          openAmount: reduction.invoice.openAmount,
          planId: plan.id,
          ...(filled.length > 0 ? { instalments: filled } : {}),
          ...(beside > 0 ? { costs: booking.costs, interest: booking.interest } : {}),
        },
      ),
    );
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

  const remaining = payment.amount - appliedTotal;
  const namedInvoice = payment.invoiceId;
  if (remaining > 0) {
    const credited = accountCredited(
      {
        debtorId: debtor.id,
        currency: payment.currency,
        amount: remaining,
        ...(namedInvoice ? { invoiceId: namedInvoice } : {}),
        summary: `${money(remaining)} of payment ${payment.id} credited to the debtor's account: more than payment plan ${reference} needed`,
        details: { paymentId: payment.id, planId: plan.id },
      },
      at,
    );
    writes.push(...credited.writes);
    followUps.push(credited.followUp);
  }
  if (remaining > 0 || behaviour !== debtor.behaviour) {
    const reassessed = await reassessedAfterPayments(deps.store, debtor, behaviour, paidInFull, at);
    writes.push(
      {
        kind: 'putDebtor',
        debtor: revised(
          debtor,
          {
            ...reassessed.fields,
            credits: remaining > 0 ? creditsWith(debtor, payment.currency, remaining) : debtor.credits,
          },
          at,
        ),
        expectedVersion: debtor.version,
      },
      ...reassessed.writes,
    );
  }
  writes.push({
    kind: 'putPayment',
    payment: {
      id: payment.id,
      debtorId: debtor.id,
      ...(namedInvoice ? { invoiceId: namedInvoice } : {}),
      amount: payment.amount,
      currency: payment.currency,
      receivedAt: payment.receivedAt,
      appliedAmount: appliedTotal,
    },
  });
  return applied(writes, followUps);
}

/** A plan that ended takes no instalments: its reference still pays its open invoices, oldest first. */
function openInvoicesOldestFirst(
  plan: PaymentPlan,
  invoices: ReadonlyMap<string, InvoiceRecord>,
  amount: number,
): InvoiceBooking[] {
  let remaining = amount;
  const bookings: InvoiceBooking[] = [];
  for (const part of plan.parts) {
    const invoice = invoices.get(part.invoiceId);
    if (!invoice || !hasOpenBalance(invoice) || remaining === 0) continue;
    const principal = Math.min(remaining, invoice.openAmount);
    remaining -= principal;
    bookings.push({ invoiceId: invoice.id, costs: 0, interest: 0, principal });
  }
  return bookings;
}
