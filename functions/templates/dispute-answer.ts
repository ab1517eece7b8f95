import { escapeHtml as e } from './escape-html';

export interface DisputeAnswerInput {
  /** The debtor's language; anything but Dutch gets English. */
  language: string;
  debtorName: string;
  invoiceNumber: string;
  /** The open amount, formatted in the debtor's language. */
  openAmount: string;
  outcome: 'rejected' | 'withdrawn';
}

interface Wording {
  subject: (invoice: string) => string;
  greeting: (name: string) => string;
  rejected: (invoice: string) => string;
  withdrawn: (invoice: string) => string;
  stillDue: (amount: string) => string;
  closing: string;
  signature: string;
}

const WORDING: Record<'nl' | 'en', Wording> = {
  nl: {
    subject: (invoice) => `Uw bezwaar tegen factuur ${invoice}`,
    greeting: (name) => `Geachte ${name},`,
    rejected: (invoice) =>
      `Wij hebben uw bezwaar tegen factuur ${invoice} onderzocht en zien geen aanleiding de factuur aan te passen: de factuur blijft staan.`,
    withdrawn: (invoice) =>
      `Wij hebben genoteerd dat u uw bezwaar tegen factuur ${invoice} hebt ingetrokken: de factuur blijft staan.`,
    stillDue: (amount) =>
      `Het openstaande bedrag van ${amount} is nog verschuldigd; onze herinneringen gaan verder waar zij waren gebleven.`,
    closing: 'Met vriendelijke groet,',
    signature: 'Debiteurenbeheer',
  },
  en: {
    subject: (invoice) => `Your dispute about invoice ${invoice}`,
    greeting: (name) => `Dear ${name},`,
    rejected: (invoice) =>
      `We have looked into your dispute about invoice ${invoice} and found no reason to change it: the invoice stands.`,
    withdrawn: (invoice) =>
      `We have recorded that you withdrew your dispute about invoice ${invoice}: the invoice stands.`,
    stillDue: (amount) =>
      `The open amount of ${amount} is still due; our reminders go on where they had stopped.`,
    closing: 'Kind regards,',
    signature: 'Credit control',
  },
};

/** The email that tells the debtor that its dispute was looked at and the invoice stands. */
export function renderDisputeAnswer(input: DisputeAnswerInput): {
  subject: string;
  text: string;
  html: string;
} {
  const w = WORDING[input.language === 'nl' ? 'nl' : 'en'];
  const paragraphs = [
    w.greeting(input.debtorName),
    input.outcome === 'rejected' ? w.rejected(input.invoiceNumber) : w.withdrawn(input.invoiceNumber),
    w.stillDue(input.openAmount),
  ];
  const text = [...paragraphs, `${w.closing}\n${w.signature}`].join('\n\n');
  const html = [
    ...paragraphs.map((paragraph) => `<p style="margin:0 0 14px">${e(paragraph)}</p>`),
    `<p style="margin:0 0 14px">${e(w.closing)}<br>${e(w.signature)}</p>`,
  ].join('\n');
  return { subject: w.subject(input.invoiceNumber), text, html };
}
