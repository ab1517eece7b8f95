import { escapeHtml as e } from './escape-html';

export interface GoodPayerThanksInput {
  /** The debtor's language; anything but Dutch gets English. */
  language: string;
  debtorName: string;
  /** Invoices in a row paid on time. */
  onTimeInRow: number;
  /** Who signs: the creditor's name, when known. */
  creditorName?: string;
}

interface Wording {
  subject: string;
  greeting: (name: string) => string;
  thanks: (count: number) => string;
  noAction: string;
  closing: string;
  signature: string;
}

const WORDING: Record<'nl' | 'en', Wording> = {
  nl: {
    subject: 'Dank u wel voor uw stipte betalingen',
    greeting: (name) => `Geachte ${name},`,
    thanks: (count) =>
      `U hebt uw laatste ${count} facturen allemaal op tijd betaald. Daarvoor willen wij u graag bedanken: zo werken wij prettig samen.`,
    noAction: 'U hoeft niets te doen; dit bericht is alleen een bedankje.',
    closing: 'Met vriendelijke groet,',
    signature: 'Debiteurenbeheer',
  },
  en: {
    subject: 'Thank you for paying on time',
    greeting: (name) => `Dear ${name},`,
    thanks: (count) =>
      `You paid your last ${count} invoices on time, every one of them. We would like to thank you for that: it makes working together a pleasure.`,
    noAction: 'There is nothing you need to do; this message is only to say thank you.',
    closing: 'Kind regards,',
    signature: 'Credit control',
  },
};

/** The short thank-you email to a debtor who just became a good payer. */
export function renderGoodPayerThanks(input: GoodPayerThanksInput): {
  subject: string;
  text: string;
  html: string;
} {
  const w = WORDING[input.language === 'nl' ? 'nl' : 'en'];
  const paragraphs = [w.greeting(input.debtorName), w.thanks(input.onTimeInRow), w.noAction];
  const signature = input.creditorName ? `${w.signature}, ${input.creditorName}` : w.signature;
  const text = [...paragraphs, `${w.closing}\n${signature}`].join('\n\n');
  const html = [
    ...paragraphs.map((paragraph) => `<p style="margin:0 0 14px">${e(paragraph)}</p>`),
    `<p style="margin:0 0 14px">${e(w.closing)}<br>${e(signature)}</p>`,
  ].join('\n');
  return { subject: w.subject, text, html };
}
