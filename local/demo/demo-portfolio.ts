import type { DebtorUpsertedData, InvoiceData } from '../../functions/api/schemas/webhook-events';
import { addDays, type CalendarDate, daysBetween } from '../../functions/core/calendar/calendar-date';
import { DEMO_DEBTORS, type DemoDebtor } from './demo-debtors';
import { type PaymentBehaviour, type PaymentTiming, paymentTiming } from './payment-behaviour';
import { hashOf, SeededRandom } from './seeded-random';

export interface DemoInvoice extends InvoiceData {
  behaviour: PaymentBehaviour;
  kind: DebtorUpsertedData['kind'];
  /** Segment set by hand, if any: it decides which policy's steps "after the reminder" refers to. */
  segment?: string;
}

export interface PlannedPayment {
  /** Stable, so that a payment posted twice (after a restart) is applied once. */
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  behaviour: PaymentBehaviour;
  timing: PaymentTiming;
  amount: number;
  currency: string;
  /** Transferred with only the structured reference, as bank statements often arrive. */
  byReference: boolean;
  /** What makes this payment worth a mention: a part of the invoice, or more than it. */
  kind: 'full' | 'partial' | 'overpayment';
}

export interface DemoPortfolio {
  today: CalendarDate;
  debtors: DebtorUpsertedData[];
  invoices: DemoInvoice[];
  payments: PlannedPayment[];
}

// Two streams, so that a change in how payments are planned leaves the invoices as they were.
const INVOICE_SEED = 20_260_301;
const PAYMENT_SEED = 20_260_302;
const OLDEST_DUE = -60;
const FURTHEST_DUE = 30;
const HISTORY_WINDOW = [-60, -35] as const;
const PAYMENT_LINK_SHARE = 0.85;
const PARTIAL_SHARE = 0.1;

/**
 * The demo portfolio relative to `today`: the same debtors, invoices and payment plan for the
 * same day on every run, with due dates from 60 days ago to 30 days ahead.
 */
export function buildPortfolio(today: CalendarDate): DemoPortfolio {
  // A stream per debtor: adding a debtor to the cast leaves the others' invoices as they were.
  const invoices = numbered(
    DEMO_DEBTORS.flatMap((demo) =>
      draftInvoices(demo, today, new SeededRandom(INVOICE_SEED + hashOf(demo.debtor.id))),
    ),
  );
  return {
    today,
    debtors: DEMO_DEBTORS.map((d) => d.debtor),
    invoices,
    payments: planPayments(invoices, today),
  };
}

type DraftInvoice = Omit<DemoInvoice, 'id' | 'number' | 'paymentLink'> & { hasPaymentLink: boolean };

function draftInvoices(demo: DemoDebtor, today: CalendarDate, random: SeededRandom): DraftInvoice[] {
  const { debtor } = demo;
  // Nothing is invoiced ahead of today, so a short term caps how far ahead a due date can lie.
  const furthest = Math.min(FURTHEST_DUE, demo.termsDays);
  return Array.from({ length: demo.invoiceCount }, (_, index) => {
    const dueIn =
      index < (demo.lateHistory ?? 0)
        ? random.int(HISTORY_WINDOW[0], HISTORY_WINDOW[1])
        : random.int(OLDEST_DUE, furthest);
    const dueDate = addDays(today, dueIn);
    return {
      debtorId: debtor.id,
      currency: 'EUR',
      totalAmount: random.logUniform(demo.amounts[0], demo.amounts[1]),
      issueDate: addDays(dueDate, -demo.termsDays),
      dueDate,
      hasPaymentLink: random.chance(PAYMENT_LINK_SHARE),
      behaviour: demo.behaviour,
      kind: debtor.kind,
      ...(debtor.segment ? { segment: debtor.segment } : {}),
    };
  });
}

/** Invoice numbers run per year of issue, in order of issue, as an invoicing system numbers them. */
function numbered(drafts: DraftInvoice[]): DemoInvoice[] {
  const ordered = [...drafts].sort(
    (a, b) => a.issueDate.localeCompare(b.issueDate) || a.debtorId.localeCompare(b.debtorId),
  );
  const perYear = new Map<string, number>();
  return ordered.map(({ hasPaymentLink, ...draft }, index) => {
    const year = draft.issueDate.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const id = `demo-invoice-${String(index + 1).padStart(3, '0')}`;
    return {
      ...draft,
      id,
      number: `INV-${year}-${String(sequence).padStart(4, '0')}`,
      ...(hasPaymentLink ? { paymentLink: `https://pay.example.com/i/${id}` } : {}),
    };
  });
}

function planPayments(invoices: readonly DemoInvoice[], today: CalendarDate): PlannedPayment[] {
  const random = new SeededRandom(PAYMENT_SEED);
  const disputed = disputedInvoices(invoices, today);
  const dueIn = (invoice: DemoInvoice) => daysBetween(today, invoice.dueDate);
  const promptAhead = invoices.filter((i) => i.behaviour === 'prompt' && dueIn(i) >= 3 && dueIn(i) <= 20);
  // One overpayment by a business that rounds up, and one transfer that names only the reference.
  const overpaid = promptAhead.find((i) => i.kind === 'business');
  const byReference = promptAhead.find((i) => i !== overpaid);

  return invoices.flatMap((invoice): PlannedPayment[] => {
    const timing = paymentTiming(invoice.behaviour, invoice.kind, random, disputed.has(invoice.id));
    if (!timing) return [];
    const payment = (part: number, amount: number, kind: PlannedPayment['kind'], at: PaymentTiming) => ({
      id: `${invoice.id}-payment-${part}`,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      behaviour: invoice.behaviour,
      timing: at,
      amount,
      currency: invoice.currency,
      byReference: invoice === byReference,
      kind,
    });
    if (invoice === overpaid) return [payment(1, roundedUp(invoice.totalAmount), 'overpayment', timing)];
    const paysInParts =
      ['occasional-late', 'chronic-late', 'key-account'].includes(invoice.behaviour) &&
      random.chance(PARTIAL_SHARE);
    if (!paysInParts) return [payment(1, invoice.totalAmount, 'full', timing)];
    const first = Math.round((invoice.totalAmount * random.int(40, 60)) / 100 / 100) * 100;
    const rest = { ...timing, hours: timing.hours + random.int(5, 9) * 24 };
    return [payment(1, first, 'partial', timing), payment(2, invoice.totalAmount - first, 'partial', rest)];
  });
}

/** A disputing debtor contests its two most recently overdue invoices and pays the others. */
function disputedInvoices(invoices: readonly DemoInvoice[], today: CalendarDate): Set<string> {
  const byDebtor = new Map<string, DemoInvoice[]>();
  for (const invoice of invoices) {
    if (invoice.behaviour !== 'disputing' || invoice.dueDate >= today) continue;
    byDebtor.set(invoice.debtorId, [...(byDebtor.get(invoice.debtorId) ?? []), invoice]);
  }
  const disputed = [...byDebtor.values()].flatMap((overdue) =>
    overdue.sort((a, b) => b.dueDate.localeCompare(a.dueDate)).slice(0, 2),
  );
  return new Set(disputed.map((invoice) => invoice.id));
}

/** The next round hundred euros above the amount: how a business pays "to be on the safe side". */
function roundedUp(cents: number): number {
  return (Math.floor(cents / 10_000) + 1) * 10_000;
}
