import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { notFound } from '../refusal';

/** POST /debtors/{id}/notes: a note on the debtor's file, kept on its timeline whoever owns it later. */
export async function addNote(
  deps: { store: CreditStore; clock: Clock },
  input: { debtorId: string; text: string; by: string },
): Promise<TimelineEvent> {
  if (!(await deps.store.getDebtor(input.debtorId)))
    throw notFound(`Debtor ${input.debtorId} does not exist.`);
  const event: TimelineEvent = {
    at: deps.clock.now().toISOString(),
    type: 'note_added',
    actor: `user:${input.by}`,
    summary: input.text,
  };
  await deps.store.commit([{ kind: 'appendEvent', subject: { debtorId: input.debtorId }, event }]);
  return event;
}
