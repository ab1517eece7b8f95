import type { Tone } from '../core/dunning/dunning-slot';
import { englishClaim } from './claim-wording-en';
import { surnameOf } from './salutation';
import type { LetterFacts, NoteWording, Wording } from './wording';

function oneOrMany(facts: LetterFacts, one: string, many: string): string {
  return facts.invoiceNumbers.length === 1 ? one : many;
}

function invoicesBelow(facts: LetterFacts): string {
  return oneOrMany(facts, 'the invoice below', 'the invoices below');
}

const CALL_TONE: Record<Tone, string> = {
  friendly: 'friendly and helpful',
  firm: 'friendly but firm',
  formal: 'formal: several reminders have been sent',
  final: 'formal: this is the last step before the collection agency',
};

export const english: Wording = {
  language: 'en',
  locale: 'en-GB',
  labels: {
    date: 'Date',
    invoiceNumber: 'Invoice number',
    dueDate: 'Due date',
    openAmount: 'Open amount',
    daysOverdue: 'Days overdue',
    daysOverdueCount: (days) => (days === 1 ? '1 day overdue' : `${days} days overdue`),
    total: 'Total outstanding',
    payInvoice: (number) => `Pay invoice ${number}`,
    reference: 'Payment reference',
    referenceForTotal: 'Payment reference for the total',
    payOneByOne:
      'Paying one invoice on its own? Then quote the payment reference of that invoice, shown with the invoice above.',
    transfer: (iban, creditorName) =>
      `You can also transfer the amount to ${iban} in the name of ${creditorName}, quoting the payment reference, so that we can match your payment at once.`,
    scanQr: 'Scan with your banking app',
    signOff: 'Kind regards,',
    email: 'Email',
    phone: 'Phone',
    website: 'Website',
    iban: 'IBAN',
    kvk: 'Chamber of Commerce (KvK)',
    vatId: 'VAT ID',
  },
  salutation: ({ contact }) =>
    contact
      ? `Dear ${contact.salutation === 'mr' ? 'Mr' : 'Ms'} ${surnameOf(contact.name)},`
      : 'Dear Sir or Madam,',
  addresseeLines: ({ name, kind, contact }) =>
    kind === 'consumer' ? [name] : [name, `Attn: ${contact?.name ?? 'Accounts Payable'}`],
  claim: englishClaim,
  fourteenDay: {
    term: 'within 14 days, counted from the day after you receive this letter',
    consequence: 'If you do not pay within this term, you will owe extrajudicial collection costs',
  },
};

export const englishNotes: NoteWording = {
  callTask: (facts) => ({
    subject: `Call: ${facts.debtorName}, ${facts.total} open`,
    greeting: 'Hello,',
    intro: [
      `Please call ${facts.debtorName} about ${invoicesBelow(facts)}: ${facts.total} is open. Tone of the call: ${CALL_TONE[facts.tone]}.`,
    ],
    closing: [
      'Record the outcome: no answer, promise to pay, dispute or wrong contact. Without an outcome, the dunning continues when the call window ends.',
    ],
  }),
  accountManagerAlert: (facts) => ({
    subject: `Action needed: ${facts.debtorName} does not pay (${facts.total} open)`,
    greeting: 'Hello,',
    intro: [
      `Your customer ${facts.debtorName} has not paid ${invoicesBelow(facts)} despite repeated reminders. ${facts.total} is open.`,
    ],
    closing: [
      'Would you please contact your customer in person? New orders on credit are blocked until the arrears are cleared.',
    ],
  }),
};
