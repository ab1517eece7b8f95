import type { Tone } from '../../core/dunning/dunning-slot';
import type { AccountHistory } from '../../core/ledger/account-history';
import type { Money } from '../../core/money';
import type { LetterFacts, NoteWording } from '../wording';
import { englishNotes } from '../wording-en';
import { dutchNotes } from '../wording-nl';
import {
  contactSection,
  type DebtorContact,
  historySection,
  invoiceSection,
  type OpenInvoiceLine,
  sectionsText,
} from './account-sections';
import { amount, callResult, type ColleagueLanguage } from './colleague-words';

/** What a controller needs for the call step's call; amounts and dates raw, the template formats them. */
export interface CallBriefFacts {
  language: ColleagueLanguage;
  debtor: DebtorContact;
  /** The invoice the call step is for. */
  invoiceNumber: string;
  openAmount: Money;
  tone: Tone;
  /** Every overdue invoice of the debtor, oldest first: the call is about all of them. */
  overdueInvoices: readonly OpenInvoiceLine[];
  history: AccountHistory;
  /** The outcomes the controller may record, as the API takes them. */
  outcomes: readonly string[];
}

const WORDING: Record<ColleagueLanguage, NoteWording> = { nl: dutchNotes, en: englishNotes };

/**
 * The brief on a call task, from the `call-task` template: whom to call about what and in which
 * tone, the number, the invoices, what was done so far, and the outcomes to record.
 */
export function renderCallBrief(facts: CallBriefFacts): string {
  const { language } = facts;
  const nl = language === 'nl';
  const letterFacts: LetterFacts = {
    debtorName: facts.debtor.name,
    invoiceNumbers: [facts.invoiceNumber],
    total: amount(facts.openAmount, language),
    tone: facts.tone,
  };
  const words = WORDING[language].callTask(letterFacts);
  const outcomes = facts.outcomes.map((outcome) => callResult(outcome, language)).join(', ');
  return sectionsText([
    { lines: [words.subject] },
    { lines: words.intro },
    contactSection(facts.debtor, language),
    invoiceSection(facts.overdueInvoices, language),
    historySection(facts.history, language),
    {
      lines: [
        nl
          ? `Leg de uitkomst vast: ${outcomes}. Zonder uitkomst gaat de aanmaning aan het eind van het belvenster verder.`
          : `Record the outcome: ${outcomes}. Without an outcome, the dunning continues when the call window ends.`,
      ],
    },
  ]);
}
