import type { DebtorUpsertedData } from '../../api/schemas/webhook-events';
import type { Debtor } from '../../core/ledger/debtor';
import type { CreditStore, DebtorRecord } from '../../ports/credit-store';
import { ownerByRule } from '../accounts/owner-by-rule';
import { policyFor } from '../policies/policy-catalogue';
import { revised } from '../record-versions';
import { invalid } from '../refusal';
import { applied, type Effect, type FollowUp, type IntakeDeps } from './effect';

/**
 * Creates or updates a debtor from the invoicing system's copy. What only credit control knows
 * (payment behaviour, credit hold, credits) is kept; a new debtor starts with a clean history.
 * Invoices and payments that came before the debtor are applied once it is stored.
 */
export async function debtorUpserted(deps: IntakeDeps, data: DebtorUpsertedData, at: Date): Promise<Effect> {
  if (data.segment) await assertPolicyFits(deps.store, data.segment, data.kind);
  const current = await deps.store.getDebtor(data.id);
  const followUps: FollowUp[] = [{ kind: 'applyParked', subject: { kind: 'debtor', id: data.id } }];
  // A KvK number the debtor did not carry before is looked up in the insolvency register.
  if (data.kvkNumber && data.kvkNumber !== current?.kvkNumber)
    followUps.push({ kind: 'checkInsolvencyRegister', debtorId: data.id });

  if (current) {
    const debtor = revised(current, { ...detailsOf(data), segmentOverride: data.segment }, at);
    return applied([{ kind: 'putDebtor', debtor, expectedVersion: current.version }], followUps);
  }
  const owner = await ownerByRule(
    deps.store,
    { kind: data.kind, segmentOverride: data.segment },
    at.toISOString(),
  );
  const debtor: DebtorRecord = {
    id: data.id,
    ...detailsOf(data),
    ...(data.segment ? { segmentOverride: data.segment } : {}),
    ...(owner ? { owner } : {}),
    creditHold: false,
    credits: {},
    behaviour: { invoicesPaid: 0, invoicesPaidLate: 0, totalDaysLate: 0, escalations: 0 },
    version: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  return applied([{ kind: 'putDebtor', debtor, expectedVersion: null }], followUps);
}

/** The fields the invoicing system owns; an optional field left out is cleared. */
function detailsOf(
  data: DebtorUpsertedData,
): Omit<Debtor, 'id' | 'creditHold' | 'credits' | 'segmentOverride'> {
  return {
    name: data.name,
    kind: data.kind,
    email: data.email,
    language: data.language,
    phone: data.phone,
    mobile: data.mobile,
    smsOptOut: data.smsOptOut,
    timeZone: data.timeZone,
    kvkNumber: data.kvkNumber,
    contact: data.contact,
    address: data.address,
    accountManager: data.accountManager,
    creditLimit: data.creditLimit,
  };
}

/** A segment set by hand must name a policy written for this kind of debtor, or dunning could not start. */
async function assertPolicyFits(store: CreditStore, segment: string, kind: Debtor['kind']): Promise<void> {
  // Seed policies count too, though they are stored only when first used.
  const policy = await policyFor(store, segment, undefined, { storeSeed: false });
  const problem = !policy
    ? 'names no dunning policy'
    : policy.debtorKind !== kind
      ? `names a policy for ${policy.debtorKind} debtors, not for ${kind} debtors`
      : undefined;
  if (problem) throw invalid([{ path: 'data.segment', message: problem }]);
}
