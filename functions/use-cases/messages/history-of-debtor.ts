import { accountHistory, type AccountHistory } from '../../core/ledger/account-history';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';

/** Reads the history of the debtor's open invoices: one timeline query per invoice, and its promises. */
export async function historyOfDebtor(
  store: CreditStore,
  debtorId: string,
  invoices: readonly InvoiceRecord[],
): Promise<AccountHistory> {
  const [timelines, promises] = await Promise.all([
    Promise.all(
      invoices.map(async (invoice) => ({ invoice, events: await store.timeline({ invoiceId: invoice.id }) })),
    ),
    store.listPromisesOfDebtor(debtorId),
  ]);
  return accountHistory(timelines, promises);
}
