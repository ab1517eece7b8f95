import { isCollecting } from '../../functions/core/ledger/invoice';
import type { Activity } from '../clock/activity';
import type { CallApi } from './controller-api';
import type { DayJournal } from './day-journal';
import type { DemoInvoice, PlannedPayment } from './demo-portfolio';
import type { ReadInvoiceStates } from './invoice-states';
import { paymentData } from './load-portfolio';
import { BEHAVIOUR_LABEL } from './payment-behaviour';
import { momentAfterStep, momentBeforeDue } from './payment-moment';
import type { SendEvent } from './webhook-sender';

export interface PaymentPlayerDeps {
  /** Its clock sets the moments; the player is one of its workers, busy while it posts. */
  activity: Activity;
  send: SendEvent;
  api: CallApi;
  readStates: ReadInvoiceStates;
  journal: DayJournal;
  /** Told which payments were posted, so that a restart does not post them again. */
  onPosted: (paymentIds: readonly string[]) => void;
}

interface Pending {
  payment: PlannedPayment;
  invoice: DemoInvoice;
  /** Unknown while the step the payment waits for has not been scheduled yet. */
  moment?: number;
  failures: number;
}

/** Often enough to see a freshly started dunning well before its first step acts. */
const LOOK_AGAIN_MS = 6 * 3_600_000;
const MAX_FAILURES = 3;

/**
 * The debtors' side of the demo: posts each planned payment when its moment comes on the
 * virtual clock. A payment "after the first reminder" waits until the invoice's dunning has been
 * scheduled (when it arrived overdue, or by the daily sweep once it fell due), then lands a few
 * days after the step; if the invoice was settled or handed over first, the debtor no longer
 * pays it. Ends when every payment has arrived or `signal` aborts (or the clock is disposed).
 */
export async function playPayments(
  payments: readonly PlannedPayment[],
  invoices: ReadonlyMap<string, DemoInvoice>,
  deps: PaymentPlayerDeps,
  signal: AbortSignal,
): Promise<void> {
  const pending = new Map<string, Pending>();
  for (const payment of payments) {
    const invoice = invoices.get(payment.invoiceId);
    if (!invoice) continue;
    const moment =
      payment.timing.anchor === 'due' ? momentBeforeDue(invoice.dueDate, payment.timing) : undefined;
    pending.set(payment.id, { payment, invoice, ...(moment === undefined ? {} : { moment }), failures: 0 });
  }

  const worker = deps.activity.worker('demo payments');
  try {
    while (pending.size > 0 && !signal.aborted) {
      const now = deps.activity.clock.nowMs();
      try {
        await scheduleStepPayments(pending, deps.readStates);
        const posted = await postDuePayments(pending, now, deps);
        if (posted.length > 0) deps.onPosted(posted);
      } catch (error) {
        if (signal.aborted) return;
        deps.journal.problem(error instanceof Error ? error.message : String(error));
      }
      const upcoming = [...pending.values()].flatMap((p) =>
        p.moment !== undefined && p.moment > now ? [p.moment] : [],
      );
      try {
        await worker.sleepUntil(Math.min(now + LOOK_AGAIN_MS, ...upcoming), signal);
      } catch {
        return; // stopped, or the local cloud disposed its clock
      }
    }
  } finally {
    worker.end();
  }
}

async function scheduleStepPayments(
  pending: Map<string, Pending>,
  readStates: ReadInvoiceStates,
): Promise<void> {
  const waiting = [...pending.values()].filter((p) => p.moment === undefined);
  if (waiting.length === 0) return;
  const states = await readStates([...new Set(waiting.map((p) => p.payment.invoiceId))]);
  for (const entry of waiting) {
    const state = states.get(entry.payment.invoiceId);
    const { anchor, hours } = entry.payment.timing;
    if (state && !isCollecting(state)) pending.delete(entry.payment.id);
    else if (state?.schedule && anchor !== 'due')
      entry.moment = momentAfterStep(state.schedule, anchor, hours);
  }
}

async function postDuePayments(
  pending: Map<string, Pending>,
  now: number,
  deps: PaymentPlayerDeps,
): Promise<string[]> {
  const due = [...pending.values()]
    .filter((p): p is Pending & { moment: number } => p.moment !== undefined && p.moment <= now)
    .sort((a, b) => a.moment - b.moment);
  const posted: string[] = [];
  for (const entry of due) {
    const { payment, invoice, moment } = entry;
    try {
      const match = payment.byReference ? await referenceMatch(deps.api, payment.invoiceId) : undefined;
      await deps.send({
        type: 'payment.received',
        timestamp: new Date(moment),
        data: paymentData(payment, moment, match ?? { invoiceId: payment.invoiceId }),
      });
      pending.delete(payment.id);
      posted.push(payment.id);
      deps.journal.payment(describe(payment, invoice, match !== undefined));
    } catch (error) {
      entry.failures++;
      if (entry.failures >= MAX_FAILURES) {
        pending.delete(payment.id);
        deps.journal.problem(error instanceof Error ? error.message : String(error));
      }
    }
  }
  return posted;
}

/** Only the structured reference, as a bank statement carries it; read from the invoice as stored. */
async function referenceMatch(api: CallApi, invoiceId: string): Promise<{ reference: string } | undefined> {
  const answer = await api('GET', `/invoices/${encodeURIComponent(invoiceId)}`);
  const reference = (answer.body as { invoice?: { paymentReference?: unknown } } | undefined)?.invoice
    ?.paymentReference;
  return answer.status === 200 && typeof reference === 'string' && reference ? { reference } : undefined;
}

function describe(payment: PlannedPayment, invoice: DemoInvoice, byReference: boolean): string {
  const notes = [
    BEHAVIOUR_LABEL[payment.behaviour],
    ...(invoice.kind === 'consumer' ? ['consumer'] : []),
    ...(payment.kind === 'full' ? [] : [payment.kind === 'partial' ? 'in part' : 'overpaid']),
    ...(byReference ? ['by RF reference'] : []),
  ];
  return `${payment.invoiceNumber} ${notes.join(', ')}`;
}
