import { escapeHtml as e } from '../escape-html';
import { pageDocument } from './page-layout';
import { pageWording } from './page-wording';

export type PageProblem = 'invalid' | 'expired' | 'rate_limited' | 'forged' | 'not_found';

/** The page for a link that cannot be served: what went wrong and what to do, and no data at all. */
export function renderErrorPage(problem: PageProblem, language: 'nl' | 'en', creditorName: string): string {
  const words = pageWording(language);
  const { title, text } = words.errors[problem];
  return pageDocument({
    language,
    title,
    body: `<h1>${e(title)}</h1>
<div class="card problem" role="alert"><p>${e(text)}</p></div>
<footer><p>${e(words.contact(creditorName))}</p></footer>`,
  });
}
