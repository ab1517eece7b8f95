import type { PaymentReceivedData } from '../../functions/api/schemas/webhook-events';
import { forEachConcurrently } from './concurrently';
import type { DemoInvoice, DemoPortfolio, PlannedPayment } from './demo-portfolio';
import { estimatedMoment } from './payment-moment';
import type { SendEvent } from './webhook-sender';

const CONCURRENCY = 8;

export interface LoadReport {
  debtors: number;
  invoices: number;
  /** Ids of the payments that arrived before the demo began, posted as history. */
  paymentsPosted: string[];
  /** One line per delivery that failed for good. */
  failures: string[];
}

/**
 * Sends the portfolio through the invoicing webhook, in an order that makes the past come out
 * right:
 * 1. the debtors;
 * 2. the payments made before the demo began, which the webhook keeps until their invoice
 *    arrives (so an invoice paid long ago never starts a dunning it would stop at once);
 * 3. the invoices those payments settle, which are then booked paid, on time or late;
 * 4. the invoices still open: an overdue one starts its dunning on arrival, by which time the
 *    debtor's history is in, so its segment (say, chronic late payer) is chosen on it.
 */
export async function loadPortfolio(
  portfolio: DemoPortfolio,
  send: SendEvent,
  loadedAt: number,
): Promise<LoadReport> {
  const report: LoadReport = { debtors: 0, invoices: 0, paymentsPosted: [], failures: [] };
  const attempt = async (what: () => Promise<void>, onSuccess: () => void) => {
    try {
      await what();
      onSuccess();
    } catch (error) {
      report.failures.push(error instanceof Error ? error.message : String(error));
    }
  };

  const invoices = new Map(portfolio.invoices.map((invoice) => [invoice.id, invoice]));
  const history = historicPayments(portfolio.payments, invoices, loadedAt);
  const paidBefore = new Set(history.map(({ payment }) => payment.invoiceId));

  await forEachConcurrently(portfolio.debtors, CONCURRENCY, (data) =>
    attempt(
      () => send({ type: 'debtor.upserted', data }),
      () => report.debtors++,
    ),
  );
  await forEachConcurrently(history, CONCURRENCY, ({ payment, moment }) =>
    attempt(
      () =>
        send({
          type: 'payment.received',
          timestamp: new Date(moment),
          data: paymentData(payment, moment, { invoiceId: payment.invoiceId }),
        }),
      () => report.paymentsPosted.push(payment.id),
    ),
  );
  const createInvoices = (list: readonly DemoInvoice[]) =>
    forEachConcurrently(list, CONCURRENCY, ({ behaviour: _b, kind: _k, segment: _s, ...data }) =>
      attempt(
        () => send({ type: 'invoice.created', data }),
        () => report.invoices++,
      ),
    );
  await createInvoices(portfolio.invoices.filter((invoice) => paidBefore.has(invoice.id)));
  await createInvoices(portfolio.invoices.filter((invoice) => !paidBefore.has(invoice.id)));
  return report;
}

/** The event for a planned payment, received at `moment`, matched by invoice id or by reference. */
export function paymentData(
  payment: PlannedPayment,
  moment: number,
  match: { invoiceId: string } | { reference: string },
): PaymentReceivedData {
  return {
    id: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    receivedAt: new Date(moment).toISOString(),
    ...match,
  };
}

function historicPayments(
  payments: readonly PlannedPayment[],
  invoices: ReadonlyMap<string, DemoInvoice>,
  loadedAt: number,
): { payment: PlannedPayment; moment: number }[] {
  return payments
    .map((payment) => {
      const invoice = invoices.get(payment.invoiceId);
      if (!invoice) throw new Error(`payment ${payment.id} is for an unknown invoice`);
      return { payment, moment: estimatedMoment(invoice, payment.timing) };
    })
    .filter(({ moment }) => moment < loadedAt);
}
