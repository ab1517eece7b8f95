import type { CreditStore, StoreWrite } from '../../ports/credit-store';
import { withActorNamed } from '../http/acting-user';

/**
 * The store, with every timeline entry an API request appends carrying the name and email of the
 * person who made it (see `withActorNamed`): the timeline shows who acted by name, as they were
 * known then, without each use case passing the caller's name along.
 */
export function namingActors(store: CreditStore): CreditStore {
  const name = (write: StoreWrite): StoreWrite =>
    write.kind === 'appendEvent' ? { ...write, event: withActorNamed(write.event) } : write;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'commit') return (writes: readonly StoreWrite[]) => target.commit(writes.map(name));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
