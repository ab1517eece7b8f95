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
import { amounts, type ColleagueLanguage } from './colleague-words';

/** What the alert to an account manager says; amounts and dates raw, the template formats them. */
export interface AccountManagerAlertFacts {
  language: ColleagueLanguage;
  accountManagerName?: string;
  debtor: DebtorContact;
  /** Per currency: everything the customer still has to pay. */
  openBalance: readonly Money[];
  /** The invoices past their due date, oldest first. */
  overdueInvoices: readonly OpenInvoiceLine[];
  history: AccountHistory;
  /** Whether orders on credit are blocked: said only when it is so. */
  creditHold: boolean;
}

const WORDING: Record<ColleagueLanguage, NoteWording> = { nl: dutchNotes, en: englishNotes };

/**
 * The alert as a person reads it: the `account-manager-alert` template's subject and opening
 * (the open amount), then the open invoices, what was done so far, whom to contact, and what we
 * ask of the account manager.
 */
export function renderAccountManagerAlert(facts: AccountManagerAlertFacts): {
  subject: string;
  text: string;
} {
  const { language } = facts;
  const nl = language === 'nl';
  const letterFacts: LetterFacts = {
    debtorName: facts.debtor.name,
    invoiceNumbers: facts.overdueInvoices.map((invoice) => invoice.number),
    total: amounts(facts.openBalance, language),
    tone: 'formal',
  };
  const words = WORDING[language].accountManagerAlert(letterFacts);
  const greeting = facts.accountManagerName
    ? `${nl ? 'Beste' : 'Dear'} ${facts.accountManagerName},`
    : words.greeting;
  const ask = nl
    ? 'Wilt u persoonlijk contact opnemen met uw klant over de betaling, en de credit controller laten weten wat u hebt afgesproken?'
    : 'Please contact your customer in person about the payment, and let the credit controller know what you agreed.';
  const hold = facts.creditHold
    ? nl
      ? 'Nieuwe orders op rekening zijn geblokkeerd tot de achterstand is opgelost.'
      : 'New orders on credit are blocked until the arrears are cleared.'
    : nl
      ? 'Er is geen kredietstop gezet: u beslist zelf over nieuwe orders op rekening.'
      : 'No credit hold was set: you decide on new orders on credit.';
  const text = sectionsText([
    { lines: [greeting] },
    { lines: words.intro },
    invoiceSection(facts.overdueInvoices, language),
    historySection(facts.history, language),
    contactSection(facts.debtor, language),
    { heading: nl ? 'Wat wij van u vragen:' : 'What we ask of you:', lines: [ask, hold] },
    { lines: [nl ? 'Met vriendelijke groet,' : 'Kind regards,', nl ? 'Debiteurenbeheer' : 'Credit control'] },
  ]);
  return { subject: words.subject, text };
}
