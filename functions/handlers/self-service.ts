import type { APIGatewayProxyEvent } from 'aws-lambda';
import { selfServicePageQuery, statementQuery } from '../api/schemas/self-service-schemas';
import { readCreditor } from '../shared/creditor';
import { mailerOnFirstUse } from '../shared/dependencies/mailer-on-first-use';
import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { paymentProviderFromEnvironment } from '../shared/dependencies/payment-provider-from-environment';
import { planWorkflowOnFirstUse } from '../shared/dependencies/plan-workflow-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowOnFirstUse } from '../shared/dependencies/workflow-on-first-use';
import { capabilityHandler, routeAt } from '../shared/http/capability-handler';
import {
  browserLanguage,
  contentSecurityPolicy,
  formFields,
  formValues,
  type Page,
  pageHandler,
} from '../shared/http/page-handler';
import {
  selfServiceKeysFromEnvironment,
  selfServicePageFromEnvironment,
} from '../shared/self-service-config';
import { renderErrorPage } from '../templates/self-service/error-page';
import { renderSelfServicePage } from '../templates/self-service/self-service-page';
import { LinkRefused, type OpenedLink, openLink } from '../use-cases/self-service/open-link';
import { pageLanguage, selfServicePage } from '../use-cases/self-service/page-view';
import { PAYMENT_STARTED, paymentOnReturn } from '../use-cases/self-service/payment-return';
import type { SelfServiceDeps } from '../use-cases/self-service/self-service-deps';

const creditor = readCreditor();
const payments = paymentProviderFromEnvironment();
// A debtor's page view reads the table only: the ports of the forms (a promise, a dispute, a plan,
// paying) and their clients are loaded when a form first needs them.
const deps: SelfServiceDeps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowOnFirstUse(),
  plans: planWorkflowOnFirstUse(),
  notifier: notifierOnFirstUse(['disputes']),
  mailer: mailerOnFirstUse(),
  creditor,
  clock,
  keys: selfServiceKeysFromEnvironment(),
  ...selfServicePageFromEnvironment(),
  ...(payments ? { payments: { provider: payments.provider, webhookUrl: payments.webhookUrl } } : {}),
};
const pageCreditor = {
  name: creditor.name,
  iban: creditor.iban,
  ...(creditor.email ? { email: creditor.email } : {}),
  ...(creditor.phone ? { phone: creditor.phone } : {}),
};

const LINK_STATUS = { invalid: 404, expired: 410, rate_limited: 429 } as const;

/** The page's pay form is answered with a redirect to the provider's checkout, which the browser checks. */
const PAGE_WITH_FORMS: Record<string, string> = payments
  ? { 'content-security-policy': contentSecurityPolicy([payments.checkoutSource]) }
  : {};

/** Opens the link of the request, or answers the error page (no data) in the browser's language. */
async function withLink(
  event: APIGatewayProxyEvent,
  serve: (link: OpenedLink, token: string) => Promise<Page>,
) {
  const token = event.pathParameters?.token ?? '';
  try {
    return await serve(await openLink(deps, token), token);
  } catch (error) {
    if (!(error instanceof LinkRefused)) throw error;
    return {
      status: LINK_STATUS[error.problem],
      body: renderErrorPage(error.problem, browserLanguage(event), creditor.name),
      ...(error.problem === 'rate_limited' ? { headers: { 'retry-after': '3600' } } : {}),
    };
  }
}

const faultPage = (event: APIGatewayProxyEvent) =>
  renderErrorPage('invalid', browserLanguage(event), creditor.name);

/** GET /self-service/{token}: the page, with the result of a form when ?result= names one. */
const showPage = pageHandler(
  (event) =>
    withLink(event, async (link, token) => {
      const query = selfServicePageQuery.safeParse(event.queryStringParameters ?? {});
      const key = query.success ? query.data.result : undefined;
      const submission = key ? await deps.records.getSubmission(key) : undefined;
      const result =
        submission && submission.debtorId === link.debtor.id
          ? submission.status === 'done' && submission.result
            ? await paymentOnReturn(deps, submission.result)
            : ('pending' as const)
          : undefined;
      const page = await selfServicePage(deps, link);
      return {
        status: 200,
        body: renderSelfServicePage(page, { token, creditor: pageCreditor, ...(result ? { result } : {}) }),
        headers: PAGE_WITH_FORMS,
      };
    }),
  faultPage,
);

/**
 * POST /self-service/{token}: one form, then 303 to the page with its result (POST-redirect-GET).
 * Most visits only read the page: the forms' handling (a promise, a dispute, a plan and its
 * email, a checkout, the confirmation email) is loaded with the first form posted.
 */
const postForm = pageHandler(
  (event) =>
    withLink(event, async (link, token) => {
      const { submitForm } = await import('../use-cases/self-service/submit-form');
      const fields = formFields(event);
      // The pay form's check boxes repeat one name; the form takes them one per line.
      if (fields.action === 'pay') fields.invoiceIds = formValues(event, 'invoiceIds').join('\n');
      const pageUrl = payments ? new URL(`self-service/${token}`, payments.publicApiUrl).href : '';
      const outcome = await submitForm(deps, link, fields, event.requestContext.requestId, pageUrl);
      const checkoutUrl =
        outcome.kind === 'done' && outcome.result?.outcome === PAYMENT_STARTED
          ? outcome.result.values?.checkoutUrl
          : undefined;
      if (checkoutUrl) return { status: 303, body: '', headers: { location: checkoutUrl } };
      if (outcome.kind === 'done') {
        return { status: 303, body: '', headers: { location: `${token}?result=${outcome.key}` } };
      }
      if (outcome.kind === 'forged') {
        return { status: 403, body: renderErrorPage('forged', pageLanguage(link.debtor), creditor.name) };
      }
      const page = await selfServicePage(deps, link);
      return {
        status: outcome.issues.length > 0 ? 400 : 409,
        body: renderSelfServicePage(page, { token, creditor: pageCreditor, refused: outcome }),
        headers: PAGE_WITH_FORMS,
      };
    }),
  faultPage,
);

/** GET /self-service/{token}/statement: the open items as a printable page or CSV, loaded on first ask. */
const showStatement = pageHandler(
  (event) =>
    withLink(event, async (link) => {
      const [{ statementOf }, { renderStatementCsv, renderStatementPage }] = await Promise.all([
        import('../use-cases/self-service/statement'),
        import('../templates/self-service/statement-page'),
      ]);
      const query = statementQuery.safeParse(event.queryStringParameters ?? {});
      const statement = await statementOf(deps, link);
      if (query.success && query.data.format === 'csv') {
        return {
          status: 200,
          body: renderStatementCsv(statement),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'content-disposition': `attachment; filename="statement-${statement.asOf}.csv"` },
        };
      }
      return { status: 200, body: renderStatementPage(statement, creditor.name) };
    }),
  faultPage,
);

/** The debtor's self-service page: one function for its three routes. */
export const handler = capabilityHandler([
  [routeAt('GET', '/self-service/{token}'), showPage],
  [routeAt('POST', '/self-service/{token}'), postForm],
  [routeAt('GET', '/self-service/{token}/statement'), showStatement],
]);
