import { addDays, daysBetween } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { InvoiceStatus } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import {
  type CreditReader,
  InvalidCursorError,
  type InvoiceRecord,
  type Page,
} from '../../ports/credit-store';
import { invalid } from '../refusal';

export interface InvoiceQuery {
  number?: string;
  reference?: string;
  status?: InvoiceStatus;
  debtorId?: string;
  minDaysOverdue?: number;
  limit: number;
  cursor?: string;
}

export type InvoiceSummary = Pick<
  InvoiceRecord,
  | 'id'
  | 'number'
  | 'debtorId'
  | 'currency'
  | 'totalAmount'
  | 'openAmount'
  | 'dueDate'
  | 'status'
  | 'paymentReference'
> & { daysOverdue: number };

/**
 * GET /invoices: a debtor on the phone quotes an invoice number or a payment reference, not our
 * id; a controller lists invoices by status, debtor and days overdue. Every form is served by an
 * index (the number's, the reference item, the status index, the debtor's invoices), a page at a
 * time, never by a scan.
 */
export async function findInvoices(
  deps: { store: CreditReader; clock: Clock },
  query: InvoiceQuery,
): Promise<{ invoices: InvoiceSummary[]; cursor?: string }> {
  const { store } = deps;
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const summary = (invoice: InvoiceRecord): InvoiceSummary => ({
    id: invoice.id,
    number: invoice.number,
    debtorId: invoice.debtorId,
    currency: invoice.currency,
    totalAmount: invoice.totalAmount,
    openAmount: invoice.openAmount,
    dueDate: invoice.dueDate,
    status: invoice.status,
    paymentReference: invoice.paymentReference,
    daysOverdue: Math.max(0, daysBetween(invoice.dueDate, today)),
  });
  if (query.number !== undefined) {
    return { invoices: (await store.findInvoicesByNumber(query.number)).map(summary) };
  }
  if (query.reference !== undefined) {
    // References are stored without spaces, in capitals, as letters print them grouped.
    const id = await store.findInvoiceIdByReference(query.reference.replace(/\s+/g, '').toUpperCase());
    const invoice = id ? await store.getInvoice(id) : undefined;
    return { invoices: invoice ? [summary(invoice)] : [] };
  }
  if (query.status === undefined && query.debtorId === undefined) {
    throw invalid([{ path: 'query.status', message: 'give status or debtorId (or number, or reference)' }]);
  }
  const dueBy = query.minDaysOverdue === undefined ? undefined : addDays(today, -query.minDaysOverdue);
  const wanted = (invoice: InvoiceRecord) => query.status === undefined || invoice.status === query.status;
  const listing =
    query.debtorId !== undefined
      ? { debtorId: query.debtorId, ...(dueBy ? { dueBy } : {}) }
      : { status: query.status as InvoiceStatus, ...(dueBy ? { dueBy } : {}) };
  const page = await pageWhere((p) => store.pageInvoices(listing, p), wanted, query);
  return { invoices: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * Up to `limit` items that pass `keep`, page after page from the index. Each read asks for no
 * more than are still wanted, so the cursor returned starts right after the last item given.
 */
export async function pageWhere<T>(
  read: (page: { limit: number; cursor?: string }) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  request: { limit: number; cursor?: string },
): Promise<Page<T>> {
  const items: T[] = [];
  let cursor = request.cursor;
  try {
    do {
      const page = await read({ limit: request.limit - items.length, ...(cursor ? { cursor } : {}) });
      items.push(...page.items.filter(keep));
      cursor = page.cursor;
    } while (cursor && items.length < request.limit);
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw invalid([{ path: 'query.cursor', message: 'is not a cursor this listing gave' }]);
    }
    throw error;
  }
  return { items, ...(cursor ? { cursor } : {}) };
}
