import type { SubmissionResult } from '../../ports/self-service-records';
import { escapeHtml as e } from '../escape-html';
import { pageWording, readableValues } from './page-wording';

/** The email that confirms what the debtor did on the page, in their language. */
export function renderConfirmationEmail(input: {
  language: 'nl' | 'en';
  debtorName: string;
  creditorName: string;
  result: SubmissionResult;
  /** A payment has a subject of its own; anything else confirms a request. */
  subject?: 'request' | 'payment';
}): { subject: string; html: string; text: string } {
  const words = pageWording(input.language);
  const what =
    words.outcomes[input.result.outcome]?.(readableValues(input.result.values, words.locale)) ?? words.done;
  const lines = [words.emailIntro(input.debtorName), what, words.contact(input.creditorName)];
  return {
    subject: `${input.subject === 'payment' ? words.paymentEmailSubject : words.emailSubject} – ${input.creditorName}`,
    text: lines.join('\n\n'),
    html: `<!doctype html><html lang="${input.language}"><body style="font-family:Arial,sans-serif;color:#1a1a1a">${lines
      .map((line) => `<p>${e(line)}</p>`)
      .join('')}</body></html>`,
  };
}
