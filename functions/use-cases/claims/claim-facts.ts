import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { Debtor, DebtorKind } from '../../core/ledger/debtor';
import type { Invoice } from '../../core/ledger/invoice';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { AskedOfInvoice, ClaimInvoiceFacts, InvoicePayment } from '../../core/legal/claim';
import type { LetterRequestKind } from '../../core/legal/letter-request';
import type { ExplanationLanguage } from '../../core/legal/claim-explanation';
import { money } from '../../core/money';
import type { PaymentRecord } from '../../ports/credit-store';
import { writtenNotices } from './written-notices';

export interface ClaimSources {
  invoice: Pick<Invoice, 'id' | 'currency' | 'totalAmount' | 'dueDate'>;
  debtor: Pick<Debtor, 'kind'>;
  timeline: readonly TimelineEvent[];
  /** The records of the payments on the timeline: they say when the money arrived. */
  payments: readonly Pick<PaymentRecord, 'id' | 'receivedAt'>[];
}

/**
 * The facts of an invoice as the claim (core/legal/claim.ts) needs them, from what the store
 * keeps. The core's principal is the amount invoiced; a credit note corrects the invoice, so
 * what it credits is not owed and never bore interest: the principal is the total less the
 * credit notes. Payments are the parts booked on this invoice ('payment_received'), on the day
 * the money arrived (the payment's `receivedAt`, in Amsterdam), not the day they were booked.
 */
export function claimInvoiceFacts(sources: ClaimSources): ClaimInvoiceFacts {
  const { invoice, debtor, timeline } = sources;
  const credited = timeline
    .filter((event) => event.type === 'credit_note_received')
    .reduce((total, event) => total + amountOf(event), 0);
  return {
    invoiceId: invoice.id,
    debtorKind: debtor.kind,
    consumerPurchase: consumerPurchaseAssumed(debtor.kind),
    principal: money(Math.max(0, invoice.totalAmount - credited), invoice.currency),
    dueDate: invoice.dueDate,
    payments: timeline
      .filter((event) => event.type === 'payment_received')
      .map((event) => paymentOf(event, sources)),
    notices: writtenNotices(timeline),
    ...requestsOf(timeline),
  };
}

/** What the letters on the timeline asked of this invoice (record-letter keeps it as `request`). */
function requestsOf(timeline: readonly TimelineEvent[]): Pick<ClaimInvoiceFacts, 'requests'> {
  const requests = timeline.flatMap((event): AskedOfInvoice[] => {
    const asked =
      event.type === 'email_sent' || event.type === 'letter_posted' ? event.details?.request : undefined;
    if (!asked || typeof asked !== 'object') return [];
    const { kind, payBy, part } = asked as { kind: LetterRequestKind; payBy: CalendarDate; part: number };
    return [{ kind, payBy, part, sentOn: localDate(new Date(event.at), BUSINESS_TIME_ZONE) }];
  });
  return requests.length > 0 ? { requests } : {};
}

/**
 * The invoicing system does not say whether a consumer invoice is for goods, whose price lapses
 * after 2 years (art. 7:28 BW), or for services (5 years, art. 3:307 BW). Every consumer claim is
 * taken to be a sale of goods, so the limitation warning never comes too late; a controller who
 * knows it is a service has three more years.
 */
export function consumerPurchaseAssumed(kind: DebtorKind): boolean {
  return kind === 'consumer';
}

/** Dutch for debtors who read Dutch, English for everyone else, as the letters are. */
export function explanationLanguage(debtor: Pick<Debtor, 'language'>): ExplanationLanguage {
  return debtor.language === 'nl' ? 'nl' : 'en';
}

function paymentOf(event: TimelineEvent, sources: ClaimSources): InvoicePayment {
  const paymentId = event.details?.paymentId;
  const record = sources.payments.find((payment) => payment.id === paymentId);
  // The payment and its timeline entry are written in one transaction: one without the other is a fault.
  if (!record) throw new Error(`payment ${String(paymentId)} on invoice ${sources.invoice.id} has no record`);
  // A payment plan's payment names what it paid of costs and interest as `costs` and `interest`.
  const details = event.details ?? {};
  const toCosts = details.toCosts ?? details.costs;
  const toInterest = details.toInterest ?? details.interest;
  return {
    receivedOn: localDate(new Date(record.receivedAt), BUSINESS_TIME_ZONE),
    amount: money(amountOf(event), sources.invoice.currency),
    ...(typeof toCosts === 'number' && toCosts > 0 ? { toCosts } : {}),
    ...(typeof toInterest === 'number' && toInterest > 0 ? { toInterest } : {}),
  };
}

function amountOf(event: TimelineEvent): number {
  const amount = event.details?.amount;
  if (typeof amount !== 'number') throw new Error(`${event.type} entry of ${event.at} carries no amount`);
  return amount;
}
