import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { hasOpenBalance } from '../../core/ledger/invoice';
import { formatMoney } from '../../core/money';
import type { DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { DunningDeps } from '../dunning/start-dunning';
import { stopExecutionOf } from '../dunning/stop-dunning';
import { retryOnConflict, revised } from '../record-versions';
import { closeTasksOfClosedInvoice } from '../worklist/close-tasks';
import { confirmPlanLowered, lowerPlansOfCredited, type LoweredPlan } from '../plans/lower-plan';
import { INVOICING_SYSTEM, type IntakeDeps, timelineEntry } from './effect';
import { countedAsPaid } from './payment-received';
import { payInvoice } from './settlement';
import { type PaidInvoice, reassessedAfterPayments } from '../score/reassess-debtor';

/** Four writes per invoice at most: a transaction of 100 writes holds this many with the debtor. */
const INVOICES_PER_COMMIT = 20;

const REASON = 'paid';

/**
 * Credit on a debtor's account pays their open invoices of the same currency, the oldest (by due
 * date) first: a debtor is never dunned for money we already hold. Runs when credit arrives, when
 * an invoice arrives, and daily for invoices falling due. The debtor's credits, the invoices and
 * the timeline entries on both sides land in one transaction, guarded by their versions; an invoice
 * settled so closes as paid, counts in the payment behaviour, and its dunning stops like after a
 * payment. Safe to repeat: with no credit or nothing open there is nothing to do.
 *
 * Gives the debtor as it read them when it found nothing to do (and so wrote nothing), for the
 * work that follows in the same request: a read made after the caller's commit, as fresh as a
 * read of its own would be. Undefined when it wrote, or when there is no such debtor.
 */
export async function setOffCredit(
  deps: DunningDeps & Pick<IntakeDeps, 'mailer' | 'creditor'>,
  debtorId: string,
  currency: string,
): Promise<DebtorRecord | undefined> {
  for (;;) {
    const round = await retryOnConflict(() => setOffOnce(deps, debtorId, currency));
    if (round.untouched) return round.untouched;
    for (const settled of round.settled) {
      await stopExecutionOf(deps.workflow, settled, REASON);
      await closeTasksOfClosedInvoice(deps, settled.id);
    }
    // A plan completed so ends at its execution's next check; a lowered one is confirmed.
    for (const plan of round.plans) await confirmPlanLowered(deps, plan, INVOICING_SYSTEM);
    if (!round.more) return undefined;
  }
}

async function setOffOnce(
  deps: DunningDeps,
  debtorId: string,
  currency: string,
): Promise<{ settled: InvoiceRecord[]; plans: LoweredPlan[]; more: boolean; untouched?: DebtorRecord }> {
  const debtor = await deps.store.getDebtor(debtorId);
  const credit = debtor?.credits[currency] ?? 0;
  if (!debtor || credit <= 0) return { settled: [], plans: [], more: false, untouched: debtor };
  const open = (await deps.store.listInvoicesOfDebtor(debtorId))
    .filter((invoice) => invoice.currency === currency && hasOpenBalance(invoice))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate));
  if (open.length === 0) return { settled: [], plans: [], more: false, untouched: debtor };

  const at = deps.clock.now();
  const today = localDate(at, BUSINESS_TIME_ZONE);
  const money = (amount: number) => formatMoney({ amount, currency }, 'en');
  const writes: StoreWrite[] = [];
  const settled: InvoiceRecord[] = [];
  let behaviour = debtor.behaviour;
  const paidInFull: PaidInvoice[] = [];
  let remaining = credit;
  const credited: { invoice: InvoiceRecord; amount: number }[] = [];
  const batch = open.slice(0, INVOICES_PER_COMMIT);
  for (const invoice of batch) {
    if (remaining === 0) break;
    const paid = payInvoice(invoice, remaining, { closedAt: at.toISOString(), reason: REASON }, at);
    remaining -= paid.taken;
    credited.push({ invoice, amount: paid.taken });
    const left = money(paid.invoice.openAmount);
    const details = {
      amount: paid.taken,
      currency,
      invoiceId: invoice.id,
      openAmount: paid.invoice.openAmount,
    };
    writes.push(
      { kind: 'putInvoice', invoice: paid.invoice, expectedVersion: invoice.version },
      timelineEntry(
        { invoiceId: invoice.id },
        at,
        'credit_set_off',
        `${money(paid.taken)} of credit on the debtor's account paid on this invoice; ${left} still open`,
        details,
      ),
      timelineEntry(
        { debtorId },
        at,
        'credit_set_off',
        `${money(paid.taken)} of credit on the account paid on invoice ${invoice.number}; ${money(remaining)} credit left`,
        details,
      ),
    );
    if (paid.settled) {
      behaviour = countedAsPaid(behaviour, invoice.dueDate, today);
      paidInFull.push({ dueDate: invoice.dueDate, paidOn: today, amount: invoice.totalAmount });
      settled.push(invoice);
      writes.push(
        timelineEntry(
          { invoiceId: invoice.id },
          at,
          'invoice_paid',
          `Invoice ${invoice.number} paid in full from credit on the account`,
        ),
      );
    }
  }
  const reassessed = await reassessedAfterPayments(deps.store, debtor, behaviour, paidInFull, at);
  writes.push(
    {
      kind: 'putDebtor',
      debtor: revised(
        debtor,
        { credits: { ...debtor.credits, [currency]: remaining }, ...reassessed.fields },
        at,
      ),
      expectedVersion: debtor.version,
    },
    ...reassessed.writes,
  );
  // Invoices of an active payment plan: the plan is lowered by what the credit paid on them.
  const plans = await lowerPlansOfCredited(
    deps.store,
    credited,
    { key: `set-off-${at.toISOString()}`, label: 'credit on the account', actor: INVOICING_SYSTEM },
    at,
  );
  writes.push(...plans.writes);
  await deps.store.commit(writes);
  return { settled, plans: plans.lowered, more: remaining > 0 && open.length > batch.length };
}
