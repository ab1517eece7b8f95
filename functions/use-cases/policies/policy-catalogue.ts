import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import { SEED_POLICIES } from '../../core/dunning/policy-seeds';
import { ConcurrentModificationError, type CreditReader, type CreditStore } from '../../ports/credit-store';

/**
 * The dunning policies: what is stored, and the seed policies for segments nobody has edited yet.
 * A seed is stored as version 1 the first time it is used, so every execution names a stored,
 * immutable version, in AWS and locally alike, without a deployment-time seeding step.
 */
export async function policyFor(
  // A reader of the table only: the seed is given, never stored.
  store: CreditReader,
  id: string,
  version: number | undefined,
  options: { storeSeed: false },
): Promise<DunningPolicy | undefined>;
export async function policyFor(
  store: CreditStore,
  id: string,
  version?: number,
  options?: { storeSeed: boolean },
): Promise<DunningPolicy | undefined>;
export async function policyFor(
  store: CreditStore | CreditReader,
  id: string,
  version?: number,
  options: { storeSeed: boolean } = { storeSeed: true },
): Promise<DunningPolicy | undefined> {
  const stored = await store.getPolicy(id, version);
  if (stored) return stored;
  const seed = SEED_POLICIES.find((p) => p.id === id);
  if (!seed || (version !== undefined && version !== seed.version)) return undefined;
  // Readers (the API's GETs) see the seed without storing it, and so need no write permission;
  // the overloads give a store that cannot write only with storeSeed false.
  if (!options.storeSeed || !('putPolicy' in store)) return seed;
  try {
    await store.putPolicy(seed);
  } catch (error) {
    // Someone stored it at the same moment: theirs is the same seed.
    if (!(error instanceof ConcurrentModificationError)) throw error;
  }
  return seed;
}

/** The latest version of every policy: stored ones, and seeds not yet stored. */
export async function listPolicies(store: CreditStore): Promise<DunningPolicy[]> {
  const stored = await store.listPolicies();
  const ids = new Set(stored.map((p) => p.id));
  return [...stored, ...SEED_POLICIES.filter((p) => !ids.has(p.id))].sort((a, b) => a.id.localeCompare(b.id));
}
