import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import { notFound } from '../refusal';

/** A document the note rests on: a link, or a key in the document archive; never the file itself. */
export type Attachment = { name: string; url?: string; reference?: string };

/**
 * POST /debtors/{id}/financial-position/notes: evidence of the debtor's financial position for the
 * special team's file (annual accounts, a bank statement, the administrator's report), as a note
 * on the debtor's timeline with references to its attachments.
 */
export async function noteFinancialPosition(
  deps: { store: CreditStore; clock: Clock },
  input: { debtorId: string; text: string; attachments?: Attachment[]; by: string },
): Promise<TimelineEvent> {
  if (!(await deps.store.getDebtor(input.debtorId)))
    throw notFound(`Debtor ${input.debtorId} does not exist.`, 'debtor_not_found');
  const attachments = input.attachments ?? [];
  const event: TimelineEvent = {
    at: deps.clock.now().toISOString(),
    type: 'financial_position_noted',
    actor: `user:${input.by}`,
    summary: `Financial position: ${input.text}${attachments.length > 0 ? ` (${attachments.length} attachment${attachments.length === 1 ? '' : 's'})` : ''}`,
    details: { text: input.text, attachments },
  };
  await deps.store.commit([{ kind: 'appendEvent', subject: { debtorId: input.debtorId }, event }]);
  return event;
}
