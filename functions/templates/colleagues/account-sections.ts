import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { ContactPerson } from '../../core/ledger/debtor';
import type { Money } from '../../core/money';
import type { AccountHistory } from '../../core/ledger/account-history';
import {
  amount,
  callResult,
  type ColleagueLanguage,
  contactName,
  day,
  statusWord,
  stepName,
} from './colleague-words';

/** Who a colleague calls or writes to at the debtor. */
export interface DebtorContact {
  name: string;
  contact?: ContactPerson;
  phone?: string;
  email?: string;
}

export interface OpenInvoiceLine {
  number: string;
  dueDate: CalendarDate;
  openAmount: Money;
  daysOverdue: number;
}

/** The paragraphs a message to a colleague is made of: a heading (or none) and its lines. */
export interface Section {
  heading?: string;
  lines: string[];
}

export function invoiceSection(invoices: readonly OpenInvoiceLine[], language: ColleagueLanguage): Section {
  const nl = language === 'nl';
  return {
    heading: nl ? 'Openstaande facturen:' : 'Open invoices:',
    lines: invoices.map((invoice) => {
      const due = day(invoice.dueDate, language);
      const late =
        invoice.daysOverdue > 0
          ? nl
            ? ` (${invoice.daysOverdue} ${invoice.daysOverdue === 1 ? 'dag' : 'dagen'} te laat)`
            : ` (${invoice.daysOverdue} ${invoice.daysOverdue === 1 ? 'day' : 'days'} overdue)`
          : '';
      return nl
        ? `- ${invoice.number}: ${amount(invoice.openAmount, language)}, vervallen op ${due}${late}`
        : `- ${invoice.number}: ${amount(invoice.openAmount, language)}, due ${due}${late}`;
    }),
  };
}

/** Letters with their dates, the last call and its note, promises and disputes, oldest first. */
export function historySection(history: AccountHistory, language: ColleagueLanguage): Section {
  const nl = language === 'nl';
  const lines = [
    ...history.letters.map((letter) => {
      const invoices = letter.invoiceNumbers.length > 1 ? ` (${letter.invoiceNumbers.join(', ')})` : '';
      return nl
        ? `- ${day(letter.day, language)}: ${stepName(letter.slot, language)} verstuurd per e-mail: "${letter.subject}"${invoices}`
        : `- ${day(letter.day, language)}: ${stepName(letter.slot, language)} sent by email: "${letter.subject}"${invoices}`;
    }),
    ...(history.lastCall
      ? [
          `- ${day(history.lastCall.day, language)}: ${nl ? 'laatste telefoontje' : 'last call'}: ${callResult(history.lastCall.outcome, language)}${history.lastCall.note ? ` ("${history.lastCall.note}")` : ''}`,
        ]
      : []),
    ...history.promises.map((promise) =>
      nl
        ? `- Betaalbelofte: ${amount(promise.amount, language)} uiterlijk ${day(promise.promisedDate, language)} (${statusWord(promise.status, language)})`
        : `- Promise to pay: ${amount(promise.amount, language)} by ${day(promise.promisedDate, language)} (${statusWord(promise.status, language)})`,
    ),
    ...history.disputes.map((dispute) =>
      nl
        ? `- Geschil over ${dispute.invoiceNumbers.join(', ')} (${dispute.cause}): ${amount(dispute.amount, language)}, gemeld op ${day(dispute.raisedOn, language)} (${statusWord(dispute.status, language)})`
        : `- Dispute over ${dispute.invoiceNumbers.join(', ')} (${dispute.cause}): ${amount(dispute.amount, language)}, raised on ${day(dispute.raisedOn, language)} (${statusWord(dispute.status, language)})`,
    ),
  ];
  return {
    heading: nl ? 'Wat er al is gedaan:' : 'What was done so far:',
    lines: lines.length > 0 ? lines : [nl ? '- Nog niets.' : '- Nothing yet.'],
  };
}

/** Whom to ask for and how to reach them; says so where we have no contact person or number. */
export function contactSection(debtor: DebtorContact, language: ColleagueLanguage): Section {
  const nl = language === 'nl';
  const person = debtor.contact
    ? contactName(debtor.contact, language)
    : nl
      ? 'de crediteurenadministratie (geen contactpersoon bekend)'
      : 'accounts payable (no contact person on file)';
  return {
    heading: nl ? `Contact bij ${debtor.name}:` : `Contact at ${debtor.name}:`,
    lines: [
      `- ${person}`,
      `- ${nl ? 'Telefoon' : 'Phone'}: ${debtor.phone ?? (nl ? 'niet bekend' : 'not on file')}`,
      ...(debtor.email ? [`- ${nl ? 'E-mail' : 'Email'}: ${debtor.email}`] : []),
    ],
  };
}

/** Sections as plain text: a blank line between them. */
export function sectionsText(sections: readonly Section[]): string {
  return sections
    .filter((section) => section.lines.length > 0)
    .map((section) => [...(section.heading ? [section.heading] : []), ...section.lines].join('\n'))
    .join('\n\n');
}
