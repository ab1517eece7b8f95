import { nextWorkingDay } from '../calendar/working-days';
import type { CalendarDate } from '../calendar/calendar-date';
import type { CollectionTask } from '../tasks/collection-task';

/** A reply nobody could place waits for a person: it goes on the list above the ordinary work. */
const UNMATCHED_PRIORITY = 50;

/** Why a reply found no letter. */
export type UnmatchedReason = 'no_token' | 'malformed_token' | 'unknown_token';

const WHY: Record<UnmatchedReason, string> = {
  no_token: 'was sent to the plain reply address, without the token of a letter',
  malformed_token: 'carries an edited or cut-off letter token',
  unknown_token: 'carries a token of no letter we sent',
};

/**
 * The task for a reply that names no letter (sent to the plain address, or with a token edited
 * or unknown): nothing is dropped; a controller finds whose it is. Unowned, so every controller
 * sees it, and due the next working day.
 */
export function unmatchedReplyTask(input: {
  id: string;
  reason: UnmatchedReason;
  from: string;
  subject: string;
  automatic: boolean;
  brief: string;
  today: CalendarDate;
}): CollectionTask {
  const what = input.automatic ? 'An automatic reply' : 'A reply';
  return {
    id: input.id,
    kind: 'unmatched_reply',
    status: 'open',
    dueDate: nextWorkingDay(input.today),
    priority: UNMATCHED_PRIORITY,
    summary: `${what} from ${input.from} ("${input.subject}") ${WHY[input.reason]}: find the debtor and answer it`,
    brief: input.brief,
  };
}

/** What a person needs to read a reply without opening the bucket: who, what, when, where it is kept. */
export function replyBrief(reply: {
  from: string;
  subject: string;
  receivedAt: string;
  stored: string;
  text: string;
}): string {
  return [
    `From: ${reply.from}`,
    `Subject: ${reply.subject}`,
    `Received: ${reply.receivedAt}`,
    `Kept as: ${reply.stored}`,
    '',
    reply.text,
  ].join('\n');
}
