import { addDays, type CalendarDate, isAfter, isBefore } from '../calendar/calendar-date';
import type { Money } from '../money';
import { extendStatutoryTermEnd } from './algemene-termijnenwet';
import { noticeReceivedOn, noticeTermLastDay, type WrittenNotice } from './written-notice';

/**
 * The 14-day letter (veertiendagenbrief), art. 6:96 lid 6 BW: collection costs are due from a
 * consumer only after a written reminder that (a) was sent after the debtor was in default
 * ("na het intreden van het verzuim"; the letter must come after the due date, never with the
 * invoice: the due date is treated as the term whose expiry puts the debtor in default, art.
 * 6:83 sub a BW), (b) gives at least 14 days counted from the day after it was received
 * (Hoge Raad 25 november 2016, ECLI:NL:HR:2016:2704), and (c) states the amount of the costs;
 * and only once that term has passed. The 14-day term is set by law, so a term ending on a
 * Saturday, Sunday or public holiday runs on to the next working day (art. 1 Algemene
 * termijnenwet). A part payment within the term lowers the costs (same judgment): the claim
 * computes the WIK amount on the principal still open on the last day of the term.
 *
 * The letter prints a last day to pay (`payBy`). When the recorded receipt shows that day falls
 * before the 14th day after receipt, the letter gave less than the law requires and no costs are
 * due on it (a new letter is needed); when it falls later, the debtor may pay without costs up to
 * and including the printed day.
 */
export const STATUTORY_TERM_DAYS = 14;

export type FourteenDayLetterProblem =
  'sent-before-overdue' | 'term-shorter-than-14-days' | 'costs-not-stated' | 'pay-by-date-too-early';

export type FourteenDayLetterAssessment =
  | { readonly status: 'no-letter' }
  | {
      readonly status: 'invalid';
      readonly sentOn: CalendarDate;
      readonly problems: readonly FourteenDayLetterProblem[];
    }
  | { readonly status: 'not-received'; readonly sentOn: CalendarDate }
  | {
      readonly status: 'term-running' | 'term-passed';
      readonly sentOn: CalendarDate;
      readonly receivedOn: CalendarDate;
      /** `termEndsOn` before any Atw extension. */
      readonly termLastDay: CalendarDate;
      /**
       * Last day the debtor may pay without costs: the statutory term (after the Atw extension,
       * if any), or the later day the letter printed.
       */
      readonly termEndsOn: CalendarDate;
      readonly extendedByAtw: boolean;
      /** The day after `termEndsOn`. */
      readonly costsDueFrom: CalendarDate;
      readonly statedCosts: Money;
      /** The letter's name and the invoices it lists, when it says. */
      readonly letterId?: string;
      readonly invoiceIds?: readonly string[];
    };

function fourteenDayLetterProblems(notice: WrittenNotice, dueDate: CalendarDate): FourteenDayLetterProblem[] {
  const problems: FourteenDayLetterProblem[] = [];
  if (!isAfter(notice.sentOn, dueDate)) problems.push('sent-before-overdue');
  if (notice.termDays < STATUTORY_TERM_DAYS) problems.push('term-shorter-than-14-days');
  if (!notice.statedCosts || notice.statedCosts.amount <= 0) problems.push('costs-not-stated');
  return problems;
}

/**
 * Whether the day a letter prints as the last day to pay gives the full 14 days after a receipt
 * on `receivedOn` (HR 2016:2704); a letter that prints no day is judged by its term alone.
 */
export function payByGivesFullTerm(
  payBy: CalendarDate | null | undefined,
  receivedOn: CalendarDate,
): boolean {
  return !payBy || !isBefore(payBy, noticeTermLastDay(receivedOn, STATUTORY_TERM_DAYS));
}

/** Last day of the term of a letter received on `receivedOn`, and whether the Atw moved it. */
export function fourteenDayTermEnd(
  receivedOn: CalendarDate,
  termDays = STATUTORY_TERM_DAYS,
): { termLastDay: CalendarDate; termEndsOn: CalendarDate; extendedByAtw: boolean } {
  const termLastDay = noticeTermLastDay(receivedOn, termDays);
  const termEndsOn = extendStatutoryTermEnd(termLastDay);
  return { termLastDay, termEndsOn, extendedByAtw: termEndsOn !== termLastDay };
}

/**
 * Of the 14-day letters sent up to `asOf`, the valid received one whose term ends first decides;
 * when none is valid and received, the latest letter explains why not.
 */
export function assessFourteenDayLetters(input: {
  readonly dueDate: CalendarDate;
  readonly notices: readonly WrittenNotice[];
  readonly asOf: CalendarDate;
  readonly postalDeliveryDays: number;
}): FourteenDayLetterAssessment {
  const letters = input.notices
    .filter((notice) => notice.kind === 'fourteen-day-letter' && !isAfter(notice.sentOn, input.asOf))
    .sort((a, b) => (isBefore(a.sentOn, b.sentOn) ? -1 : isAfter(a.sentOn, b.sentOn) ? 1 : 0));
  if (letters.length === 0) return { status: 'no-letter' };

  let best: Extract<FourteenDayLetterAssessment, { status: 'term-running' | 'term-passed' }> | null = null;
  let latestFailure: FourteenDayLetterAssessment | null = null;
  for (const letter of letters) {
    const problems = fourteenDayLetterProblems(letter, input.dueDate);
    if (problems.length > 0) {
      latestFailure = { status: 'invalid', sentOn: letter.sentOn, problems };
      continue;
    }
    const receivedOn = noticeReceivedOn(letter, input.postalDeliveryDays);
    if (!receivedOn) {
      latestFailure = { status: 'not-received', sentOn: letter.sentOn };
      continue;
    }
    if (!payByGivesFullTerm(letter.payBy, receivedOn)) {
      latestFailure = { status: 'invalid', sentOn: letter.sentOn, problems: ['pay-by-date-too-early'] };
      continue;
    }
    const statutory = fourteenDayTermEnd(receivedOn, letter.termDays);
    const term =
      letter.payBy && isAfter(letter.payBy, statutory.termEndsOn)
        ? { ...statutory, termEndsOn: letter.payBy, extendedByAtw: false }
        : statutory;
    const costsDueFrom = addDays(term.termEndsOn, 1);
    if (!best || isBefore(costsDueFrom, best.costsDueFrom)) {
      best = {
        status: isAfter(costsDueFrom, input.asOf) ? 'term-running' : 'term-passed',
        sentOn: letter.sentOn,
        receivedOn,
        ...term,
        costsDueFrom,
        statedCosts: letter.statedCosts!,
        ...(letter.letterId ? { letterId: letter.letterId } : {}),
        ...(letter.invoiceIds ? { invoiceIds: letter.invoiceIds } : {}),
      };
    }
  }
  return best ?? latestFailure!;
}
