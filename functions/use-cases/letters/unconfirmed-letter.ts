import type { LetterRecord } from '../../ports/credit-store';
import type { SentLetter } from './record-letter';

/**
 * How long a call to SES may still be under way after the intent was recorded: well past the
 * function's timeout (the catalogue's default of 15 s), after which Lambda has ended the call.
 */
export const SEND_CALL_TIMEOUT_MS = 60_000;

/**
 * What is known of a letter whose intent was recorded ('sending') but whose send was not:
 * - `accepted`: an SES event that came back with the letter's tags named its message: SES took
 *   it, so it is recorded as sent, never sent again;
 * - `in_flight`: the call may still be under way: wait;
 * - `unknown`: the call is over and no event named it: SES most likely refused it or never got
 *   it, and it is sent again. If SES did accept it and its event is late or lost, the debtor gets
 *   it twice: the window that remains (docs/architecture.md).
 */
export type Unconfirmed =
  { state: 'accepted'; letter: SentLetter } | { state: 'in_flight' } | { state: 'unknown' };

export function judgeUnconfirmed(letter: LetterRecord, now: Date): Unconfirmed {
  const { messageId, recipient, content, intentAt } = letter;
  if (messageId && recipient && content && intentAt) {
    return {
      state: 'accepted',
      letter: { ...letter, status: 'sent', messageId, recipient, content, sentAt: intentAt },
    };
  }
  const age = now.getTime() - Date.parse(intentAt ?? '');
  return Number.isFinite(age) && age < SEND_CALL_TIMEOUT_MS ? { state: 'in_flight' } : { state: 'unknown' };
}
