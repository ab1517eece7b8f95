import { isTemplateId, type TemplateId } from '../core/dunning/step-templates';
import { claimBlock } from './claim-block';
import { disputedPartLine } from './disputed-part';
import { htmlLetter } from './html-layout';
import {
  type BodyPart,
  formatAmount,
  formatCalendarDate,
  type LetterDocument,
  type LetterWordsRendered,
} from './letter-document';
import type { LetterInput, RenderedLetter } from './letter-input';
import { builtInTemplate } from './letter-texts/built-in';
import {
  type CurrentTemplates,
  type LetterTemplateId,
  type LetterWords,
  letterTemplateOf,
} from './letter-texts/letter-template';
import { isBlockName } from './letter-texts/placeholders';
import { blockOf, parseTemplate, renderNodes, type TemplateValues } from './letter-texts/template-syntax';
import { isEmbeddedImage, isWebLink } from './links';
import { textLetter } from './text-layout';
import type { LetterFacts, LetterLanguage, LetterText, NoteWording, Wording } from './wording';
import { german } from './wording-de';
import { english, englishNotes } from './wording-en';
import { french } from './wording-fr';
import { dutch, dutchNotes } from './wording-nl';

interface TemplateSpec {
  /** Letters to the debtor are signed by the creditor and carry its details; notes to colleagues are not. */
  audience: 'debtor' | 'colleague';
  /** Whether the letter shows the payment links, the reference and the QR code. */
  invitesPayment: boolean;
}

const TEMPLATES: Record<TemplateId, TemplateSpec> = {
  'payment-reminder': { audience: 'debtor', invitesPayment: true },
  'fourteen-day-letter': { audience: 'debtor', invitesPayment: true },
  // From now on the debtor pays the agency, not us.
  'collection-agency-handover': { audience: 'debtor', invitesPayment: false },
  'call-task': { audience: 'colleague', invitesPayment: false },
  'account-manager-alert': { audience: 'colleague', invitesPayment: false },
  // A claim at the agency is paid to the agency: the letter reserves the right, it is no invoice.
  'interruption-letter': { audience: 'debtor', invitesPayment: false },
};

const WORDINGS: Record<LetterLanguage, Wording> = { nl: dutch, en: english, de: german, fr: french };

/**
 * The languages letters go out in: those a debtor may have on intake (functions/api/schemas/fields.ts).
 * Version 1 of every template is written in German and French too; a preview shows them, and a
 * debtor gets them once intake accepts those languages.
 */
const SENT_LANGUAGES: readonly LetterLanguage[] = ['nl', 'en', 'de', 'fr'];

export interface RenderOptions {
  /** The current version of each letter template (the template store); version 1 for any left out. */
  templates?: CurrentTemplates;
  /** The languages the letter may be written in; any other reads English. */
  languages?: readonly LetterLanguage[];
}

/** The letter's language: Dutch for Dutch ('nl', 'nl-BE'), and so on; English for a language not written. */
function languageOf(language: string, written: readonly LetterLanguage[]): LetterLanguage {
  const primary = language.toLowerCase().split('-')[0];
  return written.find((each) => each === primary) ?? 'en';
}

/** The values of the placeholders (letter-texts/placeholders.ts), formatted for the letter's language. */
function placeholderValues(input: LetterInput, spec: TemplateSpec, wording: Wording): TemplateValues {
  const { locale } = wording;
  const date = (day: string) => formatCalendarDate(day, locale);
  const [first] = input.invoices;
  const { demand } = input;
  const fourteenDay = input.template === 'fourteen-day-letter' ? input.fourteenDayTerm : undefined;
  const link = spec.invitesPayment
    ? input.invoices.map((invoice) => invoice.paymentLink).find((each) => each && isWebLink(each))
    : undefined;
  return {
    salutation: wording.salutation(input.debtor, input.tone),
    debtorName: input.debtor.name,
    creditorName: input.creditor.name,
    invoiceNumber: first?.number,
    invoiceNumbers: input.invoices.map((invoice) => invoice.number).join(', '),
    invoiceCount: String(input.invoices.length),
    dueDate: first && date(first.dueDate),
    // The sentences ask what the letter asks: the request where it states one.
    total: formatAmount(input.request?.amount ?? input.total, locale),
    today: date(input.today),
    payBy: demand && date(demand.payBy),
    termDays: demand?.termDays ? String(demand.termDays) : undefined,
    handOverDate: demand?.handOver && date(demand.handOver.on),
    agency: demand?.handOver?.agency,
    // The settlement's sentence names the date once: the hand-over sentence then does not repeat it.
    settlementOffered: demand && input.request?.kind === 'principal-settlement' ? 'yes' : undefined,
    termEndsOn: fourteenDay && date(fourteenDay.endsOn),
    costs: fourteenDay && formatAmount(fourteenDay.costs, locale),
    fourteenDayTerm: fourteenDay && wording.fourteenDay.term,
    consequence: fourteenDay && wording.fourteenDay.consequence,
    reference: spec.invitesPayment ? input.payment?.reference : undefined,
    paymentLink: link,
    selfServiceLink:
      spec.audience === 'debtor' && input.selfServiceUrl && isWebLink(input.selfServiceUrl)
        ? input.selfServiceUrl
        : undefined,
  };
}

/** A template's words with its placeholders filled in; a paragraph left empty by its sections is dropped. */
function renderWords(id: LetterTemplateId, words: LetterWords, values: TemplateValues): LetterWordsRendered {
  const fill = (source: string) => {
    const parsed = parseTemplate(source);
    // Stored versions were checked when they were stored; this guards the built-in ones.
    if (!parsed.ok) throw new Error(`template ${id}: ${parsed.problem}`);
    return renderNodes(parsed.nodes, values);
  };
  const body = words.body.flatMap((paragraph): BodyPart[] => {
    const block = blockOf(paragraph);
    if (block && isBlockName(block)) return [{ block }];
    const text = fill(paragraph).trim();
    return text ? [{ text }] : [];
  });
  return { subject: fill(words.subject).trim(), body };
}

/** A note to a colleague keeps its words in code: greeting, opening, the invoices, closing. */
function noteWords(notes: NoteWording, input: LetterInput, wording: Wording): LetterWordsRendered {
  const facts: LetterFacts = {
    debtorName: input.debtor.name,
    invoiceNumbers: input.invoices.map((invoice) => invoice.number),
    total: formatAmount(input.request?.amount ?? input.total, wording.locale),
    tone: input.tone,
  };
  const text: LetterText =
    input.template === 'call-task' ? notes.callTask(facts) : notes.accountManagerAlert(facts);
  return {
    subject: text.subject,
    body: [
      { text: text.greeting },
      ...text.intro.map((each) => ({ text: each })),
      { block: 'invoiceTable' },
      { block: 'claimBlock' },
      ...text.closing.map((each) => ({ text: each })),
    ],
  };
}

function letterWords(input: LetterInput, spec: TemplateSpec, wording: Wording, options: RenderOptions) {
  const id = letterTemplateOf(input.template as TemplateId, input.tone);
  if (!id) return noteWords(wording.language === 'nl' ? dutchNotes : englishNotes, input, wording);
  // Without the end date and the cost amount the letter is void (art. 6:96 lid 6 BW): refuse
  // to render it rather than send a letter that makes no costs due.
  if (id === 'fourteen-day-letter' && !input.fourteenDayTerm)
    throw new Error('the fourteen-day-letter needs fourteenDayTerm (end date and costs)');
  const texts = (options.templates?.[id] ?? builtInTemplate(id)).texts[wording.language];
  const words = input.invoices.length === 1 ? texts.one : texts.many;
  return renderWords(id, words, placeholderValues(input, spec, wording));
}

function letterDocument(
  input: LetterInput,
  spec: TemplateSpec,
  wording: Wording,
  options: RenderOptions,
): LetterDocument {
  const { labels, language, locale } = wording;
  const amount = (value: LetterInput['total']) => formatAmount(value, locale);
  const payment = spec.invitesPayment ? input.payment : undefined;
  const claim = claimBlock(input, wording);
  const disputed = spec.invitesPayment
    ? input.invoices.flatMap(({ number, disputedAmount, openAmount }) =>
        disputedAmount
          ? [
              disputedPartLine(language, {
                number,
                disputed: amount(disputedAmount),
                asked: amount(openAmount),
              }),
            ]
          : [],
      )
    : [];
  return {
    language,
    labels,
    words: letterWords(input, spec, wording, options),
    ...(disputed.length > 0 ? { disputed } : {}),
    ...(spec.audience === 'debtor' ? { addressee: wording.addresseeLines(input.debtor) } : {}),
    date: formatCalendarDate(input.today, locale),
    invoices: input.invoices.map((invoice) => ({
      number: invoice.number,
      dueDate: formatCalendarDate(invoice.dueDate, locale),
      openAmount: amount(invoice.openAmount),
      daysOverdue: invoice.daysOverdue,
      ...(spec.invitesPayment && invoice.paymentLink && isWebLink(invoice.paymentLink)
        ? { paymentLink: invoice.paymentLink }
        : {}),
      ...(payment?.forTotal && invoice.reference ? { reference: invoice.reference } : {}),
    })),
    total: amount(input.total),
    ...(claim ? { claim } : {}),
    ...(input.request?.kind === 'principal-settlement'
      ? {
          offer: wording.claim.settlementOffer(
            amount(input.request.amount),
            formatCalendarDate(input.request.payBy, locale),
          ),
        }
      : {}),
    ...(payment
      ? {
          payment: {
            reference: payment.reference,
            ...(payment.forTotal ? { forTotal: { oneByOne: labels.payOneByOne } } : {}),
            ...(input.creditor.iban
              ? { transfer: labels.transfer(input.creditor.iban, input.creditor.name) }
              : {}),
            ...(payment.qrPngDataUrl && isEmbeddedImage(payment.qrPngDataUrl)
              ? { qrImage: payment.qrPngDataUrl }
              : {}),
          },
        }
      : {}),
    ...(spec.audience === 'debtor' ? { creditor: input.creditor } : {}),
    ...(spec.audience === 'debtor' && input.selfServiceUrl ? { selfServiceUrl: input.selfServiceUrl } : {}),
    ...(wording.selfServiceSentence ? { selfServiceSentence: wording.selfServiceSentence } : {}),
  };
}

/**
 * Renders one letter (or a note to a colleague) as subject, HTML and equivalent plain text. The
 * words of a letter to the debtor are the current version of its template where `options` gives
 * one (the letter step reads them from the template store), else version 1 as shipped.
 */
export function renderLetter(input: LetterInput, options: RenderOptions = {}): RenderedLetter {
  if (!isTemplateId(input.template)) throw new Error(`no template named ${input.template}`);
  const wording = WORDINGS[languageOf(input.language, options.languages ?? SENT_LANGUAGES)];
  const doc = letterDocument(input, TEMPLATES[input.template], wording, options);
  return { subject: doc.words.subject, html: htmlLetter(doc), text: textLetter(doc) };
}
