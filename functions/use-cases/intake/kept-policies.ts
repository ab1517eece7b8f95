import type { DunningPolicy } from '../../core/dunning/dunning-policy';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';

/** How long a warm function keeps a policy's latest version: an admin's edit reaches intake within it. */
const KEEP_MS = 60_000;

/** The stores `keepingLatestPolicies` made, to the same store reading policies afresh. */
const afreshOf = new WeakMap<CreditStore, CreditStore>();

/**
 * The credit store with the latest version of each dunning policy kept for a minute per warm
 * function (by the clock port, so the local cloud's virtual minutes count), as the letter steps
 * keep their templates: every invoice the webhook takes reads its debtor's policy (to judge its
 * currency, and to plan the dunning of one that arrives overdue), and a burst of invoices would
 * otherwise read the same few items thousands of times. A version once stored never changes, and
 * an execution names the version it began with, so what a kept policy decides is what the policy
 * said a minute ago at most. A policy not stored yet (a seed nobody has used) is not kept: it is
 * stored on its first use, and read from then on.
 */
export function keepingLatestPolicies(store: CreditStore, clock: Clock): CreditStore {
  // The read itself is kept, so that the requests of a burst that arrive before it is answered
  // share it instead of each reading the policy.
  const kept = new Map<string, { at: number; read: Promise<DunningPolicy | undefined> }>();
  const latest = (id: string, afresh: boolean): Promise<DunningPolicy | undefined> => {
    const now = clock.now().getTime();
    const entry = kept.get(id);
    if (!afresh && entry && now - entry.at < KEEP_MS && now >= entry.at) return entry.read;
    const read = store.getPolicy(id);
    const mine = { at: now, read };
    kept.set(id, mine);
    const forget = () => {
      if (kept.get(id) === mine) kept.delete(id);
    };
    read.then((policy) => policy ?? forget(), forget);
    return read;
  };
  const withGetPolicy = (afresh: boolean) =>
    withMethod(store, 'getPolicy', (id: string, version?: number) =>
      version === undefined ? latest(id, afresh) : store.getPolicy(id, version),
    );
  const keeping = withGetPolicy(false);
  afreshOf.set(keeping, withGetPolicy(true));
  return keeping;
}

/**
 * The store under `keepingLatestPolicies` that reads the latest version of a policy afresh, and
 * keeps what it read, so that what is decided next agrees with it; any other store as it is.
 */
export function readingPoliciesAfresh(store: CreditStore): CreditStore {
  return afreshOf.get(store) ?? store;
}

function withMethod<K extends keyof CreditStore>(
  store: CreditStore,
  name: K,
  method: CreditStore[K],
): CreditStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === name) return method;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
