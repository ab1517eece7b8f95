import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { startDunning } from '../dunning/start-dunning';
import { type IntakeDeps, INVOICING_SYSTEM } from './effect';
import { retryOnConflict } from '../record-versions';

/**
 * An invoice that arrives when its due date has already passed (today in Amsterdam, by the clock
 * port) is dunned at once rather than at the next daily sweep. Read afresh: the events applied
 * since it was stored may have paid it, moved its due date or started its dunning.
 */
export async function startDunningIfOverdue(deps: IntakeDeps, invoiceId: string): Promise<void> {
  await retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(invoiceId);
    if (invoice?.status !== 'open' || invoice.dunning) return;
    if (invoice.dueDate >= localDate(deps.clock.now(), BUSINESS_TIME_ZONE)) return;
    const debtor = await debtorOfInvoice(deps.store, invoice);
    await startDunning(deps, invoice, debtor, { reason: 'fell_due', actor: INVOICING_SYSTEM });
  });
}
