import type { CalendarDate } from '../calendar/calendar-date';
import type { FourteenDayLetterAssessment } from './fourteen-day-letter';

/**
 * Whether a consumer's claim may go to a collection agency, judged on the 14-day letter (art.
 * 6:96 lid 6 BW): not before its term has passed, since the costs the agency would charge are
 * due only from then, and never without a valid letter that was received.
 *
 * - `ready`: the term of a valid, received letter has passed.
 * - `wait`: the term is still running; the hand-over may happen from `from`.
 * - `refuse`: no letter, none valid, or none shown to be received (bounced, or no delivery
 *   confirmed): waiting does not help, a controller must act.
 */
export type ConsumerHandOver =
  { decision: 'ready' } | { decision: 'wait'; from: CalendarDate } | { decision: 'refuse'; reason: string };

export function consumerHandOver(letter: FourteenDayLetterAssessment): ConsumerHandOver {
  switch (letter.status) {
    case 'term-passed':
      return { decision: 'ready' };
    case 'term-running':
      return { decision: 'wait', from: letter.costsDueFrom };
    case 'no-letter':
      return { decision: 'refuse', reason: 'no 14-day letter was sent' };
    case 'invalid':
      return {
        decision: 'refuse',
        reason: `the 14-day letter of ${letter.sentOn} is not valid: ${letter.problems.join(', ')}`,
      };
    case 'not-received':
      return {
        decision: 'refuse',
        reason: `the 14-day letter of ${letter.sentOn} was not shown to be received`,
      };
  }
}
