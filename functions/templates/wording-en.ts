import type { Tone } from '../core/dunning/dunning-slot';
import { englishClaim } from './claim-wording-en';
import { surnameOf } from './salutation';
import type { LetterFacts, Wording } from './wording';

function oneOrMany(facts: LetterFacts, one: string, many: string): string {
  return facts.invoiceNumbers.length === 1 ? one : many;
}

function invoicesBelow(facts: LetterFacts): string {
  return oneOrMany(facts, 'the invoice below', 'the invoices below');
}

function aboutInvoices(facts: LetterFacts): string {
  const [first] = facts.invoiceNumbers;
  return oneOrMany(facts, `invoice ${first}`, `${facts.invoiceNumbers.length} invoices`);
}

/** By when: "within 14 days of receiving this letter, by 3 March 2026 at the latest" or "by … at the latest". */
function byWhen(facts: LetterFacts, otherwise: string): string {
  const { demand } = facts;
  if (!demand) return otherwise;
  const term = demand.termDays ? `within ${demand.termDays} days of receiving this letter, ` : '';
  return `${term}by ${demand.payBy} at the latest`;
}

/** What follows a final notice: the hand-over on its day, to the agency by name where configured. */
function handOverSentence(facts: LetterFacts): string {
  const handOver = facts.demand?.handOver;
  if (facts.demand && facts.offerNamesPayBy)
    return `If payment does not follow, we will hand the claim over to ${handOver?.agency ?? 'a collection agency'}${handOver ? ` on ${handOver.on}` : ''}. The costs of collection may be charged to you.`;
  if (facts.demand && !handOver)
    return `If we have not received the open amount of ${facts.total} by ${facts.demand.payBy}, we will hand the claim over to a collection agency. The costs of collection may be charged to you.`;
  if (!handOver || !facts.demand)
    return `Unless we receive the open amount of ${facts.total} very shortly, we will hand the claim over to a collection agency without further notice. The costs of collection may be charged to you.`;
  return `If we have not received the open amount of ${facts.total} by ${facts.demand.payBy}, we will hand the claim over to ${handOver.agency ?? 'a collection agency'} on ${handOver.on}. The costs of collection may be charged to you.`;
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
  paymentReminder: {
    friendly: (facts) => ({
      subject: `Reminder: ${aboutInvoices(facts)} ${oneOrMany(facts, 'is', 'are')} still open`,
      greeting: facts.salutation,
      intro: [
        `Perhaps it has escaped your attention, but we have not yet received payment of ${invoicesBelow(facts)}.`,
      ],
      closing: [
        `Would you please pay the open amount of ${facts.total} ${byWhen(facts, 'as soon as possible')}? If you have paid in the meantime, please disregard this reminder.`,
        'Do you have a question about the invoice? Please get in touch, we are happy to help.',
      ],
    }),
    firm: (facts) => ({
      subject: `Payment reminder: ${aboutInvoices(facts)} ${oneOrMany(facts, 'is', 'are')} overdue`,
      greeting: facts.salutation,
      intro: [
        `We have not received payment of ${invoicesBelow(facts)}, although the payment term has passed.`,
      ],
      closing: [
        `We ask you to pay the open amount of ${facts.total} ${byWhen(facts, 'without delay')}.`,
        'If you cannot pay at once, or if something is wrong with the invoice, please contact us today so that we can find a solution together.',
      ],
    }),
    formal: (facts) => ({
      subject: `Formal notice: ${aboutInvoices(facts)} unpaid`,
      greeting: facts.salutation,
      intro: [
        `Despite our earlier reminders, we have still not received payment of ${invoicesBelow(facts)}.`,
      ],
      closing: [
        `We demand that you pay the open amount of ${facts.total} ${byWhen(facts, 'without delay')}.`,
        'If payment is not made, we will have to take further steps. The costs of these may be charged to you.',
      ],
    }),
    final: (facts) => ({
      subject: `Final notice before collection: ${aboutInvoices(facts)}`,
      greeting: facts.salutation,
      intro: [
        `This is our final notice. Despite repeated requests, ${invoicesBelow(facts)} ${oneOrMany(facts, 'has', 'have')} still not been paid.`,
      ],
      closing: [
        handOverSentence(facts),
        'This is your last opportunity to settle the matter without a third party.',
      ],
    }),
  },
  fourteenDayLetter: (facts) => ({
    subject: `Formal notice: pay ${aboutInvoices(facts)} within 14 days without extra costs`,
    greeting: facts.salutation,
    intro: [`Despite our earlier reminders, we have not received payment of ${invoicesBelow(facts)}.`],
    closing: [
      `You can still pay the open amount of ${facts.total} without extra costs within 14 days, counted from the day after you receive this letter. Please pay by ${facts.termEndsOn} at the latest.`,
      `If you do not pay within this term, you will owe extrajudicial collection costs of ${facts.costs} in addition to the open amount (Article 6:96 of the Dutch Civil Code), and we will hand the claim over to a collection agency.`,
      'If you cannot pay the full amount at once, please contact us to discuss a payment plan.',
    ],
  }),
  collectionAgencyHandover: (facts) => ({
    subject: `Handed over to a collection agency: ${aboutInvoices(facts)}`,
    greeting: facts.salutation,
    intro: [
      `Despite our reminders and our final notice, we have not received payment of ${invoicesBelow(facts)}. We have therefore handed the claim of ${facts.total} over to a collection agency.`,
    ],
    closing: [
      'The collection agency will contact you shortly. From now on, all contact about this claim goes through the collection agency. The costs of collection may be charged to you.',
    ],
  }),
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
  interruptionLetter: (facts) => ({
    subject: `Interruption of the limitation period: ${aboutInvoices(facts)}`,
    greeting: `Dear ${facts.debtorName},`,
    intro: [
      `According to our records, ${invoicesBelow(facts)} ${facts.invoiceNumbers.length === 1 ? 'has' : 'have'} not been paid. ${facts.total} is outstanding.`,
    ],
    closing: [
      'We hereby expressly reserve our right to payment. This letter interrupts the limitation period of our claim (article 3:317 of the Dutch Civil Code): the period starts again.',
      'We ask you to pay the amount outstanding. If you have any questions, or cannot pay in one go, please contact us.',
    ],
  }),
};
