import { escapeHtml as e } from '../escape-html';
import { isWebLink } from '../links';

/**
 * The line every letter to a debtor carries: the link to their own page, where they can pay,
 * promise a date, dispute, ask for a plan or a call back. Only a web link is printed.
 */
const SENTENCE = {
  nl: 'Liever zelf regelen? Op uw eigen pagina kunt u betalen, een betaaldatum doorgeven, bezwaar maken tegen een factuur, een regeling vragen of een terugbelverzoek doen:',
  en: 'Prefer to arrange it yourself? On your own page you can pay, tell us when you will pay, dispute an invoice, ask for a payment plan or a call back:',
} as const;

export function selfServiceLinkHtml(doc: { language: 'nl' | 'en'; selfServiceUrl?: string }): string {
  const url = doc.selfServiceUrl;
  if (!url || !isWebLink(url)) return '';
  return `<p style="margin:0 0 14px">${e(SENTENCE[doc.language])}<br><a href="${e(url)}" style="color:#0b57d0">${e(url)}</a></p>`;
}

export function selfServiceLinkText(doc: { language: 'nl' | 'en'; selfServiceUrl?: string }): string {
  const url = doc.selfServiceUrl;
  if (!url || !isWebLink(url)) return '';
  return `${SENTENCE[doc.language]}\n${url}`;
}
