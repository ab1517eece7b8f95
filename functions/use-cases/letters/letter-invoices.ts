import type { CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { stepFor } from '../../core/dunning/policy-steps';
import { isCollecting } from '../../core/ledger/invoice';
import type { CreditStore, InvoiceRecord } from '../../ports/credit-store';
import type { DunnedInvoice } from '../steps/check-step';
import { MAX_INVOICES_PER_LETTER } from './record-letter';

/** The local day on which an invoice's dunning has `slot` scheduled: the day its letter is dated. */
export function letterDay(invoice: DunnedInvoice, slot: DunningSlot, policy: DunningPolicy): CalendarDate {
  return localDate(new Date(invoice.dunning.schedule[slot]), policy.timeZone);
}

/**
 * The invoices one letter covers: every invoice of the debtor that is still being collected,
 * whose running dunning has this step on the same local day and has not done it yet, in the
 * same currency (one total, one payment), at most MAX_INVOICES_PER_LETTER. The owner's invoice comes first: the letter names it,
 * and the other executions refer to it.
 */
export async function invoicesForLetter(
  store: CreditStore,
  owner: { invoice: DunnedInvoice; policy: DunningPolicy },
  slot: DunningSlot,
  day: CalendarDate,
): Promise<DunnedInvoice[]> {
  const policies = new Map<string, DunningPolicy | undefined>([[policyKey(owner.policy), owner.policy]]);
  const policyOf = async (invoice: DunnedInvoice) => {
    const key = `${invoice.dunning.policyId}@${invoice.dunning.policyVersion}`;
    if (!policies.has(key)) {
      policies.set(key, await store.getPolicy(invoice.dunning.policyId, invoice.dunning.policyVersion));
    }
    return policies.get(key);
  };

  const others: DunnedInvoice[] = [];
  for (const candidate of await store.listInvoicesOfDebtor(owner.invoice.debtorId)) {
    if (candidate.id === owner.invoice.id || !awaitsStep(candidate, slot)) continue;
    if (candidate.currency !== owner.invoice.currency) continue;
    const policy = await policyOf(candidate);
    if (policy && stepFor(policy, slot) && letterDay(candidate, slot, policy) === day) others.push(candidate);
  }
  return [owner.invoice, ...others].slice(0, MAX_INVOICES_PER_LETTER);
}

function policyKey(policy: DunningPolicy): string {
  return `${policy.id}@${policy.version}`;
}

/** Still collected, its dunning running, and this step not done yet. */
export function awaitsStep(invoice: InvoiceRecord, slot: DunningSlot): invoice is DunnedInvoice {
  return (
    isCollecting(invoice) && invoice.dunning?.status === 'running' && invoice.dunning.lastStep?.slot !== slot
  );
}
