import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { startDunning } from '../dunning/start-dunning';
import { type IntakeDeps, INVOICING_SYSTEM } from './effect';
import { retryOnConflict } from '../record-versions';

/**
 * What the request that stored the invoice knows without reading again: the invoice as it
 * committed it, and its debtor as a read after that commit found them; each only while nothing
 * this request did since has changed it.
 */
export interface Seen {
  invoice?: InvoiceRecord;
  debtor?: DebtorRecord;
}

/**
 * An invoice that arrives when its due date has already passed (today in Amsterdam, by the clock
 * port) is dunned at once rather than at the next daily sweep. Read afresh: the events applied
 * since it was stored may have paid it, moved its due date or started its dunning. Where the
 * request that stored it saw it as it stored it (`seen`), that copy takes the read's place on the
 * first attempt: the start writes the invoice only over the version it was read at, so a change
 * by anyone else since fails the start, and the retry reads it afresh.
 */
export async function startDunningIfOverdue(
  deps: IntakeDeps,
  invoiceId: string,
  seen: Seen = {},
): Promise<void> {
  let known = seen;
  await retryOnConflict(async () => {
    const invoice = known.invoice?.id === invoiceId ? known.invoice : await deps.store.getInvoice(invoiceId);
    const debtorSeen = known.debtor?.id === invoice?.debtorId ? known.debtor : undefined;
    // A retry follows a lost race: it reads both afresh.
    known = {};
    if (invoice?.status !== 'open' || invoice.dunning) return;
    if (invoice.dueDate >= localDate(deps.clock.now(), BUSINESS_TIME_ZONE)) return;
    const debtor = debtorSeen ?? (await debtorOfInvoice(deps.store, invoice));
    await startDunning(deps, invoice, debtor, { reason: 'fell_due', actor: INVOICING_SYSTEM });
  });
}
