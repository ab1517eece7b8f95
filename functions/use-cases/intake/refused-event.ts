import type { WebhookEvent } from '../../api/schemas/webhook-events';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { Invoice } from '../../core/ledger/invoice';
import { openTask } from '../../core/tasks/collection-task';
import type { CreditStore, ParkedEvent, StoreWrite } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';
import type { Refusal } from '../refusal';
import { timelineEntry } from './effect';

type InvoiceFacts = Pick<Invoice, 'id' | 'number' | 'debtorId' | 'dueDate' | 'openAmount' | 'currency'>;

/** One task per refused delivery, whatever the number of times its subject comes back. */
export function refusedEventTaskId(deliveryId: string): string {
  return `refused--${deliveryId}`;
}

/**
 * The writes that make a parked event's refusal visible: its delivery was answered 202 long ago,
 * so nobody hears of the refusal unless it is put where a controller looks. A task on the daily
 * list (fix it in the invoicing system, or correct the debtor), and a timeline entry on the
 * invoice or debtor it concerns. A marker keeps it to once: the event stays parked, so that a
 * corrected debtor applies it, and every later attempt that is refused again adds nothing.
 * Empty when the refusal was recorded already.
 */
export async function refusalWrites(
  store: CreditStore,
  waiting: ParkedEvent,
  event: WebhookEvent,
  refusal: Refusal,
  at: Date,
): Promise<StoreWrite[]> {
  const marker = `${waiting.deliveryId}#refused`;
  if (await store.getDelivery(marker)) return [];
  const invoice = await invoiceConcerned(store, event);
  const debtorId = invoice?.debtorId ?? debtorIdOf(event);
  const reasons = refusal.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  const summary =
    `${event.type} ${invoice ? `of invoice ${invoice.number} ` : ''}was refused when it ` +
    `could be applied: ${reasons || refusal.message}. Correct it in the invoicing system.`;
  const details = { deliveryId: waiting.deliveryId, code: refusal.code, issues: [...refusal.issues] };

  const writes: StoreWrite[] = [
    {
      kind: 'recordDelivery',
      delivery: {
        id: marker,
        receivedAt: at.toISOString(),
        statusCode: 409,
        response: { status: 'refused', code: refusal.code },
      },
    },
  ];
  const stored = invoice && (await store.getInvoice(invoice.id));
  if (stored) {
    writes.push(timelineEntry({ invoiceId: stored.id }, at, 'event_refused', summary, details));
  } else if (debtorId && (await store.getDebtor(debtorId))) {
    writes.push(timelineEntry({ debtorId }, at, 'event_refused', summary, details));
  }
  if (invoice) {
    const task = openTask({
      id: refusedEventTaskId(waiting.deliveryId),
      kind: 'refused_event',
      invoice,
      today: localDate(at, BUSINESS_TIME_ZONE),
      summary,
    });
    writes.push({ kind: 'putTask', task: firstVersion(task, at.toISOString()), expectedVersion: null });
  }
  return writes;
}

/** The invoice the event carries (a new or corrected invoice) or is about (one on file), if any. */
async function invoiceConcerned(store: CreditStore, event: WebhookEvent): Promise<InvoiceFacts | undefined> {
  switch (event.type) {
    case 'invoice.created':
    case 'invoice.updated':
      return { ...event.data, openAmount: event.data.openAmount ?? event.data.totalAmount };
    case 'invoice.cancelled':
      return store.getInvoice(event.data.id);
    case 'credit_note.created':
      return store.getInvoice(event.data.invoiceId);
    case 'payment.received':
      return event.data.invoiceId === undefined ? undefined : store.getInvoice(event.data.invoiceId);
    case 'debtor.upserted':
      return undefined;
  }
}

function debtorIdOf(event: WebhookEvent): string | undefined {
  switch (event.type) {
    case 'payment.received':
      return event.data.debtorId;
    case 'debtor.upserted':
      return event.data.id;
    default:
      return undefined;
  }
}
