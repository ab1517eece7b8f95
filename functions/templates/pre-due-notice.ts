import type { CalendarDate } from '../core/calendar/calendar-date';
import { formatMoney, type Money } from '../core/money';
import { escapeHtml as e } from './escape-html';
import { formatCalendarDate } from './letter-document';
import { isWebLink } from './links';

export interface PreDueNoticeInput {
  /** The debtor's language; anything but Dutch gets English. */
  language: string;
  debtorName: string;
  /** The invoices falling due soon, earliest due date first, in one currency. */
  invoices: readonly { number: string; dueDate: CalendarDate; openAmount: Money; paymentLink?: string }[];
  total: Money;
  /** The debtor's self-service page, where every open invoice can be paid. */
  selfServiceUrl?: string;
  /** Who signs: the creditor's name. */
  creditorName: string;
}

interface Wording {
  subject: (count: number) => string;
  greeting: (name: string) => string;
  intro: (count: number) => string;
  line: (number: string, amount: string, due: string) => string;
  total: (amount: string) => string;
  payOnline: string;
  page: string;
  alreadyPaid: string;
  closing: string;
  signature: string;
  date: (day: CalendarDate) => string;
}

const WORDING: Record<'nl' | 'en', Wording> = {
  nl: {
    subject: (count) => (count === 1 ? 'Uw factuur vervalt binnenkort' : 'Uw facturen vervallen binnenkort'),
    greeting: (name) => `Beste ${name},`,
    intro: (count) =>
      count === 1
        ? 'Een vriendelijke herinnering: de volgende factuur vervalt binnenkort.'
        : 'Een vriendelijke herinnering: de volgende facturen vervallen binnenkort.',
    line: (number, amount, due) => `Factuur ${number}: ${amount}, te betalen uiterlijk ${due}`,
    total: (amount) => `Samen: ${amount}`,
    payOnline: 'Betalen',
    page: 'Al uw facturen en betaalmogelijkheden vindt u op uw eigen pagina:',
    alreadyPaid: 'Hebt u al betaald? Dan hoeft u niets te doen; dank u wel.',
    closing: 'Met vriendelijke groet,',
    signature: 'Debiteurenbeheer',
    date: (day) => formatCalendarDate(day, 'nl-NL'),
  },
  en: {
    subject: (count) => (count === 1 ? 'Your invoice falls due soon' : 'Your invoices fall due soon'),
    greeting: (name) => `Dear ${name},`,
    intro: (count) =>
      count === 1
        ? 'A friendly reminder: the invoice below falls due soon.'
        : 'A friendly reminder: the invoices below fall due soon.',
    line: (number, amount, due) => `Invoice ${number}: ${amount}, due by ${due}`,
    total: (amount) => `Total: ${amount}`,
    payOnline: 'Pay',
    page: 'All your invoices and ways to pay are on your own page:',
    alreadyPaid: 'Already paid? Then there is nothing you need to do; thank you.',
    closing: 'Kind regards,',
    signature: 'Credit control',
    date: (day) => formatCalendarDate(day, 'en-GB'),
  },
};

/**
 * The friendly email a few days before the due date: no demand, no costs, no threat; the invoices,
 * their due dates and amounts, where to pay, and that nothing is needed if it is paid already.
 */
export function renderPreDueNotice(input: PreDueNoticeInput): {
  subject: string;
  text: string;
  html: string;
} {
  const language = input.language === 'nl' ? 'nl' : 'en';
  const w = WORDING[language];
  const count = input.invoices.length;
  const lines = input.invoices.map((invoice) => ({
    text: w.line(invoice.number, formatMoney(invoice.openAmount, language), w.date(invoice.dueDate)),
    link: invoice.paymentLink && isWebLink(invoice.paymentLink) ? invoice.paymentLink : undefined,
  }));
  const page = input.selfServiceUrl && isWebLink(input.selfServiceUrl) ? input.selfServiceUrl : undefined;
  const signature = `${w.signature}, ${input.creditorName}`;

  const text = [
    w.greeting(input.debtorName),
    w.intro(count),
    lines.map((line) => `- ${line.text}${line.link ? `\n  ${w.payOnline}: ${line.link}` : ''}`).join('\n'),
    ...(count > 1 ? [w.total(formatMoney(input.total, language))] : []),
    ...(page ? [`${w.page}\n${page}`] : []),
    w.alreadyPaid,
    `${w.closing}\n${signature}`,
  ].join('\n\n');

  const p = (content: string) => `<p style="margin:0 0 14px">${content}</p>`;
  const html = [
    p(e(w.greeting(input.debtorName))),
    p(e(w.intro(count))),
    `<ul style="margin:0 0 14px">${lines
      .map(
        (line) =>
          `<li>${e(line.text)}${line.link ? ` &middot; <a href="${e(line.link)}">${e(w.payOnline)}</a>` : ''}</li>`,
      )
      .join('')}</ul>`,
    ...(count > 1 ? [p(`<strong>${e(w.total(formatMoney(input.total, language)))}</strong>`)] : []),
    ...(page ? [p(`${e(w.page)} <a href="${e(page)}">${e(page)}</a>`)] : []),
    p(e(w.alreadyPaid)),
    p(`${e(w.closing)}<br>${e(signature)}`),
  ].join('\n');
  return { subject: w.subject(count), text, html };
}
