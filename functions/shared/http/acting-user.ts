import { AsyncLocalStorage } from 'node:async_hooks';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Caller } from './caller';

const acting = new AsyncLocalStorage<Caller>();

/** Runs one API request's use case as its caller, so that what it records can name them. */
export function actingAs<T>(caller: Caller, run: () => Promise<T>): Promise<T> {
  return acting.run(caller, run);
}

/**
 * The entry with the name and email of the person who acted, as their token gave them at the
 * time, when the entry's actor is the caller of the request under way (`user:<sub>` or the bare
 * sub). Other entries, and entries written outside a request, are returned as they are.
 */
export function withActorNamed(event: TimelineEvent): TimelineEvent {
  const caller = acting.getStore();
  if (!caller || (event.actor !== `user:${caller.sub}` && event.actor !== caller.sub)) return event;
  return {
    ...event,
    ...(caller.name && !event.actorName ? { actorName: caller.name } : {}),
    ...(caller.email && !event.actorEmail ? { actorEmail: caller.email } : {}),
  };
}
