import type { CreditStore, DebtorRecord } from '../ports/credit-store';

/**
 * The debtor an invoice belongs to. Intake parks an invoice until its debtor is known, so a
 * missing debtor is a broken store, not a business case: it fails the caller.
 */
export async function debtorOfInvoice(
  store: Pick<CreditStore, 'getDebtor'>,
  invoice: { id: string; debtorId: string },
): Promise<DebtorRecord> {
  const debtor = await store.getDebtor(invoice.debtorId);
  if (!debtor) throw new Error(`debtor ${invoice.debtorId} of invoice ${invoice.id} is unknown`);
  return debtor;
}
