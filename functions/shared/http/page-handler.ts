import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../observability';
import { withPowertools } from '../powertools-chain';
import { addErrorToTrace } from '../tracing';

/** A page for a person's browser: HTML (or a file such as CSV), a status and its own headers. */
export interface Page {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * What every page a debtor opens carries: not cached anywhere (it shows their debts), the link
 * never sent on as a Referer, no framing, no script and nothing loaded from elsewhere (images are
 * data: URLs, styles inline), and forms that post only to this site.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy(),
};

/**
 * The pages' content security policy. `formTargets` are further sources a form of the page may
 * end up at: a browser checks every redirect of a form's submission against `form-action`, so a
 * form this site answers with a redirect elsewhere (a payment provider's checkout) names it here.
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  const formAction = ["'self'", ...formTargets].join(' ');
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}

/**
 * The Lambda wrapper of routes that answer pages rather than JSON: the Powertools chain, the
 * request id as correlation id, and a fault of ours as a plain error page that reveals nothing.
 */
export function pageHandler(
  serve: (event: APIGatewayProxyEvent) => Promise<Page>,
  faultPage: (event: APIGatewayProxyEvent) => string,
) {
  const handle = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    logger.setCorrelationId(event.requestContext.requestId);
    let page: Page;
    try {
      page = await serve(event);
    } catch (error) {
      logger.error('Page failed', error as Error);
      addErrorToTrace(error as Error);
      page = { status: 500, body: faultPage(event) };
    }
    return {
      statusCode: page.status,
      headers: {
        ...PAGE_HEADERS,
        'content-type': page.contentType ?? 'text/html; charset=utf-8',
        ...page.headers,
      },
      body: page.body,
    };
  };
  return withPowertools(handle, { coldStartMetric: true });
}

/** A posted form (`application/x-www-form-urlencoded`) as name → value; a repeated name keeps its first value. */
export function formFields(event: APIGatewayProxyEvent): Record<string, string> {
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}

/** Every value posted under one name (check boxes repeat it), in order. */
export function formValues(event: APIGatewayProxyEvent, name: string): string[] {
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  return new URLSearchParams(raw).getAll(name);
}

/** Dutch for a browser that prefers it (or says nothing), English otherwise: for pages shown before the debtor is known. */
export function browserLanguage(event: APIGatewayProxyEvent): 'nl' | 'en' {
  const header = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'accept-language',
  )?.[1];
  // The first language the browser names decides; none, or "*", leaves the page Dutch.
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z]{2,3}\b/.test(first) && !first.startsWith('nl') ? 'en' : 'nl';
}
