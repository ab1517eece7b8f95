import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import { chooseSegment } from '../../core/dunning/segment';
import type { CreditStore, DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { policyFor } from '../policies/policy-catalogue';

/**
 * The policy whose legal settings apply to an invoice: the version its dunning runs under, or,
 * before the dunning started, the policy its debtor's segment would get today. Read only: a seed
 * policy is not stored by a claim.
 */
export async function policyOfInvoice(
  store: CreditStore,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
): Promise<DunningPolicy> {
  const id = invoice.dunning?.policyId ?? chooseSegment(debtor, behaviourOf(debtor.behaviour)).segment;
  const policy = await policyFor(store, id, invoice.dunning?.policyVersion, { storeSeed: false });
  if (!policy) throw new Error(`dunning policy ${id} of invoice ${invoice.id} does not exist`);
  return policy;
}
