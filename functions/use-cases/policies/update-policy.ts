import { type DunningPolicy, parseDunningPolicy } from '../../core/dunning/dunning-policy';
import { ConcurrentModificationError, type CreditStore } from '../../ports/credit-store';
import { conflict, invalid, Refusal } from '../refusal';
import { policyFor } from './policy-catalogue';

/**
 * PUT /policies/{id}: stores a new version of a policy. Versions are immutable: executions that
 * started under an older version keep it, new executions take the new one. `version` in the body,
 * when given, must be the version the admin edited (optimistic locking against a colleague's edit).
 * The kind of debtor a policy duns is fixed once it exists: debtors are put in its segment by
 * their kind, and running executions keep its versions, so a business policy turned consumer
 * would dun businesses with consumer letters. A policy for the other kind is a new policy.
 */
export async function updatePolicy(
  store: CreditStore,
  id: string,
  body: unknown,
  stamp: { by: string; at: Date },
): Promise<DunningPolicy> {
  // Read without storing the seed: a refused edit leaves nothing behind.
  const current = await policyFor(store, id, undefined, { storeSeed: false });
  const expected = isRecord(body) && typeof body.version === 'number' ? body.version : undefined;
  if (current && expected !== undefined && expected !== current.version) {
    throw conflict(`Policy ${id} is at version ${current.version}; you edited version ${expected}.`);
  }
  // Judged before the rest: the rules a policy must follow depend on the kind it duns.
  const requestedKind = isRecord(body) && typeof body.debtorKind === 'string' ? body.debtorKind : undefined;
  if (current && requestedKind !== undefined && requestedKind !== current.debtorKind) {
    throw new Refusal(
      'conflict',
      'debtor_kind_fixed',
      `Policy ${id} duns ${current.debtorKind} debtors, and debtors and executions use it; create a new policy for ${requestedKind} debtors.`,
      [{ path: 'debtorKind', message: `must stay ${current.debtorKind} while the policy is in use` }],
    );
  }
  const version = (current?.version ?? 0) + 1;
  // Who stored it and when are the caller's and the clock's, whatever the body says.
  const parsed = parseDunningPolicy({
    ...(isRecord(body) ? body : {}),
    id,
    version,
    updatedBy: stamp.by,
    updatedAt: stamp.at.toISOString(),
  });
  // The id comes from the path, so that is where the caller must look.
  if (!parsed.ok) {
    throw invalid(
      parsed.issues.map((issue) => (issue.path === 'id' ? { ...issue, path: 'path.id' } : issue)),
    );
  }
  // Version 2 follows the seed's version 1, which is stored now if no execution stored it yet.
  if (current && version === 2) await policyFor(store, id);
  try {
    await store.putPolicy(parsed.policy);
  } catch (error) {
    if (error instanceof ConcurrentModificationError) {
      throw conflict(`Policy ${id} was changed by someone else meanwhile; reload it and try again.`);
    }
    throw error;
  }
  return parsed.policy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
