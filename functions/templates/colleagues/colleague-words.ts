import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import type { ContactPerson } from '../../core/ledger/debtor';
import { formatMoney, type Money } from '../../core/money';
import { formatCalendarDate } from '../letter-document';

/** Messages to colleagues are written in Dutch or English: the recipient's, else the business's. */
export type ColleagueLanguage = 'nl' | 'en';

/** Dutch for any Dutch tag ('nl', 'nl-BE'), English for any English one, otherwise the fallback. */
export function colleagueLanguage(code: string | undefined, fallback: ColleagueLanguage): ColleagueLanguage {
  const primary = code?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' || primary === 'en' ? primary : fallback;
}

/** The steps of the dunning as a colleague calls them. */
const STEP_NAMES: Record<ColleagueLanguage, Record<DunningSlot, string>> = {
  nl: {
    firstReminder: 'eerste herinnering',
    secondReminder: 'tweede herinnering',
    call: 'telefoontje',
    accountManager: 'melding aan de accountmanager',
    finalNotice: 'laatste aanmaning',
    collectionAgency: 'overdracht aan het incassobureau',
  },
  en: {
    firstReminder: 'first reminder',
    secondReminder: 'second reminder',
    call: 'phone call',
    accountManager: 'alert to the account manager',
    finalNotice: 'final notice',
    collectionAgency: 'hand-over to the collection agency',
  },
};

/** A step's name, or the slot itself for a letter outside the dunning steps (an interruption letter). */
export function stepName(slot: string, language: ColleagueLanguage): string {
  const names: Record<string, string> = STEP_NAMES[language];
  return Object.hasOwn(names, slot) ? (names[slot] ?? slot) : slot.replace(/[_-]/g, ' ');
}

const CALL_RESULTS: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    no_answer: 'geen gehoor',
    reached: 'gesproken',
    wrong_contact: 'verkeerd contact',
    promised: 'betaalbelofte',
    disputed: 'geschil',
    plan_requested: 'betalingsregeling gevraagd',
    financial_trouble: 'financiële problemen',
    no_outcome: 'geen uitkomst vastgelegd',
  },
  en: {
    no_answer: 'no answer',
    reached: 'reached',
    wrong_contact: 'wrong contact',
    promised: 'promise to pay',
    disputed: 'dispute',
    plan_requested: 'payment plan requested',
    financial_trouble: 'financial trouble',
    no_outcome: 'no outcome recorded',
  },
};

export function callResult(outcome: string, language: ColleagueLanguage): string {
  return CALL_RESULTS[language][outcome] ?? outcome.replace(/_/g, ' ');
}

const STATUSES: Record<ColleagueLanguage, Record<string, string>> = {
  nl: {
    open: 'loopt nog',
    kept: 'nagekomen',
    broken: 'niet nagekomen',
    cancelled: 'ingetrokken',
    rejected: 'afgewezen',
    credited: 'gecrediteerd',
    withdrawn: 'ingetrokken',
    resolved: 'afgehandeld',
  },
  en: {
    open: 'open',
    kept: 'kept',
    broken: 'broken',
    cancelled: 'cancelled',
    rejected: 'rejected',
    credited: 'credited',
    withdrawn: 'withdrawn',
    resolved: 'resolved',
  },
};

export function statusWord(status: string, language: ColleagueLanguage): string {
  return STATUSES[language][status] ?? status.replace(/_/g, ' ');
}

const LOCALES: Record<ColleagueLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

export const day = (date: CalendarDate, language: ColleagueLanguage): string =>
  formatCalendarDate(date, LOCALES[language]);

export const amount = (value: Money, language: ColleagueLanguage): string => formatMoney(value, language);

/** Several currencies side by side: "€ 1.250,00 en $ 300,00". */
export function amounts(values: readonly Money[], language: ColleagueLanguage): string {
  const formatted = values.map((value) => amount(value, language));
  if (formatted.length === 0) return amount({ amount: 0, currency: 'EUR' }, language);
  const and = language === 'nl' ? ' en ' : ' and ';
  return formatted.length === 1
    ? (formatted[0] ?? '')
    : `${formatted.slice(0, -1).join(', ')}${and}${formatted.at(-1)}`;
}

/** The person to ask for, as a colleague says it: "de heer Jan de Graaf" / "Mr Jan de Graaf". */
export function contactName(contact: ContactPerson, language: ColleagueLanguage): string {
  if (language === 'nl') return `${contact.salutation === 'mr' ? 'de heer' : 'mevrouw'} ${contact.name}`;
  return `${contact.salutation === 'mr' ? 'Mr' : 'Ms'} ${contact.name}`;
}
