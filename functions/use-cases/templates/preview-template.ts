import { localDate } from '../../core/calendar/time-zone';
import { demandTerm } from '../../core/dunning/demand-term';
import type { DunningPolicy, DunningStep } from '../../core/dunning/dunning-policy';
import { isTemplateId } from '../../core/dunning/step-templates';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';
import type { LetterTemplateStore } from '../../ports/letter-templates';
import type { Mailer } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import {
  type LanguageTexts,
  type LetterTemplateId,
  type LetterTemplateVersion,
  TEXT_LANGUAGES,
  type TextLanguage,
  letterTemplateOf,
} from '../../templates/letter-texts/letter-template';
import { validateTemplateTexts } from '../../templates/letter-texts/validate-template';
import { policyOfInvoice } from '../claims/invoice-policy';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { composeLetter } from '../letters/compose-letter';
import { invalid, notFound, Refusal } from '../refusal';
import { templateAt } from './template-catalogue';

export interface PreviewDeps {
  store: CreditStore;
  templates: LetterTemplateStore;
  clock: Clock;
  creditor: CreditorDetails;
}

export interface PreviewRequest {
  invoiceId: string;
  /** The language to write in; the debtor's when left out. */
  language?: TextLanguage;
  /** A version to show; the current one when left out. */
  version?: number;
  /** Words not stored yet, in `language`, checked as a new version would be. */
  texts?: LanguageTexts;
}

export interface Preview {
  template: LetterTemplateId;
  version: number | 'draft';
  invoiceId: string;
  language: string;
  subject: string;
  html: string;
  text: string;
}

/** The step of the invoice's policy that writes with this template, or one like it for the preview. */
function stepFor(policy: DunningPolicy, id: LetterTemplateId): DunningStep {
  const own = policy.steps.find(
    (step) => isTemplateId(step.template) && letterTemplateOf(step.template, step.tone) === id,
  );
  if (own) return own;
  const [template, tone] = id.startsWith('payment-reminder-')
    ? (['payment-reminder', id.slice('payment-reminder-'.length)] as const)
    : ([id, id === 'collection-agency-handover' ? 'final' : 'formal'] as const);
  const kind =
    tone === 'final'
      ? 'final_notice'
      : id === 'collection-agency-handover'
        ? 'collection_agency'
        : 'reminder';
  return {
    slot:
      kind === 'final_notice'
        ? 'finalNotice'
        : kind === 'collection_agency'
          ? 'collectionAgency'
          : 'firstReminder',
    kind,
    dayOffset: 0,
    channel: 'email',
    tone: tone as DunningStep['tone'],
    template,
  };
}

async function render(deps: PreviewDeps, id: LetterTemplateId, request: PreviewRequest) {
  const invoice = await deps.store.getInvoice(request.invoiceId);
  if (!invoice) {
    throw new Refusal('invalid', 'validation_failed', `Invoice ${request.invoiceId} does not exist.`, [
      { path: 'invoiceId', message: 'names no invoice' },
    ]);
  }
  const version = await chosenVersion(deps, id, request);
  const debtor = await debtorOfInvoice(deps.store, invoice);
  const language = request.language ?? debtor.language;
  const policy = await policyOfInvoice(deps.store, invoice, debtor);
  const step = stepFor(policy, id);
  const today = localDate(deps.clock.now(), policy.timeZone);
  const asksByDate = id.startsWith('payment-reminder-');
  const demand = asksByDate ? demandTerm({ step, debtorKind: debtor.kind, today }) : undefined;
  const composed = await composeLetter(
    {
      step,
      legal: policy.legal,
      debtor: { ...debtor, language },
      creditor: deps.creditor,
      invoices: [invoice],
      today,
      ...(demand
        ? {
            demand: {
              payBy: demand.payBy,
              ...(debtor.kind === 'consumer' ? { termDays: demand.termDays } : {}),
            },
          }
        : {}),
      render: { templates: { [id]: version }, languages: TEXT_LANGUAGES },
    },
    { store: deps.store, clock: deps.clock },
  );
  return { composed, version, language, invoiceId: invoice.id };
}

async function chosenVersion(
  deps: PreviewDeps,
  id: LetterTemplateId,
  request: PreviewRequest,
): Promise<Pick<LetterTemplateVersion, 'texts'> & { version: number | 'draft' }> {
  const stored = await templateAt(deps.templates, id, request.version);
  if (!stored) throw notFound(`Template ${id} has no version ${request.version}.`, 'version_not_found');
  if (!request.texts) return stored;
  const language = request.language ?? 'nl';
  const issues = validateTemplateTexts(id, { [language]: request.texts });
  if (issues.length > 0) throw invalid(issues, `The draft of template ${id} cannot be rendered.`);
  return { version: 'draft', texts: { ...stored.texts, [language]: request.texts } };
}

/**
 * POST /templates/{id}/preview: the letter the template writes for an invoice, as its debtor
 * would get it today (in the debtor's language, or the one asked), with the QR code inline.
 * It sends nothing and records nothing.
 */
export async function previewTemplate(
  deps: PreviewDeps,
  id: LetterTemplateId,
  request: PreviewRequest,
): Promise<Preview> {
  const { composed, version, language, invoiceId } = await render(deps, id, request);
  const qr = composed.email.inlineImages?.[0];
  // A browser cannot resolve the email's cid: reference; the preview embeds the image itself.
  const html = qr
    ? composed.email.html.replaceAll(
        `cid:${qr.contentId}`,
        `data:${qr.contentType};base64,${qr.content.toString('base64')}`,
      )
    : composed.email.html;
  return {
    template: id,
    version: version.version,
    invoiceId,
    language,
    subject: composed.email.subject,
    html,
    text: composed.email.text,
  };
}

/**
 * POST /templates/{id}/test-send: the preview by email to the caller's own address from their
 * token, and to nobody else; the debtor is never written to. No letter is recorded.
 */
export async function testSendTemplate(
  deps: PreviewDeps & { mailer: Mailer },
  id: LetterTemplateId,
  request: PreviewRequest,
  callerEmail: string | null,
): Promise<{ status: 'sent'; to: string; messageId: string; subject: string }> {
  if (!callerEmail) {
    throw new Refusal(
      'conflict',
      'no_email_in_token',
      'Your token carries no email address to send the test to.',
    );
  }
  const { composed } = await render(deps, id, request);
  const subject = `[Test] ${composed.email.subject}`;
  const { messageId } = await deps.mailer.send({
    to: callerEmail,
    subject,
    html: composed.email.html,
    text: composed.email.text,
    ...(composed.email.inlineImages ? { inlineImages: composed.email.inlineImages } : {}),
    tags: { template: id, test: 'true' },
  });
  return { status: 'sent', to: callerEmail, messageId, subject };
}
