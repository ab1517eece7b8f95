import type { CloudHarness } from '../workflow/local-cloud-harness';
import { emailsTo } from '../workflow/scenario';

/** What a browser gets: status, where a redirect points, and the page. */
export interface PageAnswer {
  status: number;
  location: string | null;
  html: string;
}

/** The link to the debtor's page in the newest letter to them, as the debtor would click it. */
export async function linkInLetter(h: CloudHarness, email: string): Promise<string> {
  const letters = await emailsTo(h, email);
  const text = letters.map((letter) => letter.text ?? '').join('\n');
  const links = [...text.matchAll(/https?:\/\/\S+\/self-service\/[A-Za-z0-9_.-]+/g)].map((match) => match[0]);
  const link = links.at(-1);
  if (!link) throw new Error(`no self-service link in the letters to ${email}`);
  return link;
}

export async function open(url: string, init: RequestInit = {}): Promise<PageAnswer> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  // Amounts are formatted with a no-break space (€ 1.250,00); the tests write a plain one.
  const html = (await response.text()).replace(/\u00a0/g, ' ');
  return { status: response.status, location: response.headers.get('location'), html };
}

/** The hidden fields of one form of the page: its action, nonce and CSRF token. */
export function formGuard(html: string, action: string): Record<string, string> {
  const match = new RegExp(
    `name="action" value="${action}">\\s*<input type="hidden" name="nonce" value="([^"]+)">\\s*<input type="hidden" name="csrf" value="([^"]+)">`,
  ).exec(html);
  if (!match) throw new Error(`no ${action} form on the page`);
  return { action, nonce: match[1]!, csrf: match[2]! };
}

/** Posts a form of the page as a browser does (url-encoded) and follows nothing. */
export function post(link: string, fields: Record<string, string>): Promise<PageAnswer> {
  return open(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The page a 303 after a form leads to, resolved as a browser resolves it. */
export function resultOf(link: string, answer: PageAnswer): Promise<PageAnswer> {
  if (answer.status !== 303 || !answer.location) {
    throw new Error(`expected 303, got ${answer.status}: ${answer.html.slice(0, 500)}`);
  }
  return open(new URL(answer.location, link).href);
}
