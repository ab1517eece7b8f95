import { formatMoney } from '../core/money';
import { isTemplateId, type TemplateId } from '../core/dunning/step-templates';
import { claimBlock } from './claim-block';
import { disputedPartLine } from './disputed-part';
import { htmlLetter } from './html-layout';
import { formatCalendarDate, type LetterDocument } from './letter-document';
import type { LetterInput, RenderedLetter } from './letter-input';
import { isEmbeddedImage, isWebLink } from './links';
import { textLetter } from './text-layout';
import type { LetterFacts, LetterText, Wording } from './wording';
import { english } from './wording-en';
import { dutch } from './wording-nl';

interface TemplateSpec {
  /** Letters to the debtor are signed by the creditor and carry its details; notes to colleagues are not. */
  audience: 'debtor' | 'colleague';
  /** Whether the letter shows the payment links, the reference and the QR code. */
  invitesPayment: boolean;
  write(wording: Wording, facts: LetterFacts, input: LetterInput): LetterText;
}

const TEMPLATES: Record<TemplateId, TemplateSpec> = {
  'payment-reminder': {
    audience: 'debtor',
    invitesPayment: true,
    write: (wording, facts) => wording.paymentReminder[facts.tone](facts),
  },
  'fourteen-day-letter': {
    audience: 'debtor',
    invitesPayment: true,
    write: (wording, facts, input) => {
      // Without the end date and the cost amount the letter is void (art. 6:96 lid 6 BW): refuse
      // to render it rather than send a letter that makes no costs due.
      const term = input.fourteenDayTerm;
      if (!term) throw new Error('the fourteen-day-letter needs fourteenDayTerm (end date and costs)');
      return wording.fourteenDayLetter({
        ...facts,
        termEndsOn: formatCalendarDate(term.endsOn, wording.locale),
        costs: formatMoney(term.costs, wording.language),
      });
    },
  },
  'collection-agency-handover': {
    audience: 'debtor',
    // From now on the debtor pays the agency, not us.
    invitesPayment: false,
    write: (wording, facts) => wording.collectionAgencyHandover(facts),
  },
  'call-task': {
    audience: 'colleague',
    invitesPayment: false,
    write: (wording, facts) => wording.callTask(facts),
  },
  'account-manager-alert': {
    audience: 'colleague',
    invitesPayment: false,
    write: (wording, facts) => wording.accountManagerAlert(facts),
  },
  'interruption-letter': {
    audience: 'debtor',
    // A claim at the agency is paid to the agency: the letter reserves the right, it is no invoice.
    invitesPayment: false,
    write: (wording, facts) => wording.interruptionLetter(facts),
  },
};

/** Dutch for Dutch ('nl', 'nl-BE'), English for every other language. */
function wordingFor(language: string): Wording {
  return language.toLowerCase().split('-')[0] === 'nl' ? dutch : english;
}

function letterDocument(input: LetterInput, spec: TemplateSpec, wording: Wording): LetterDocument {
  const { labels, language, locale } = wording;
  const facts: LetterFacts = {
    debtorName: input.debtor.name,
    creditorName: input.creditor.name,
    invoiceNumbers: input.invoices.map((invoice) => invoice.number),
    // The sentences ask what the letter asks: the request where it states one.
    total: formatMoney(input.request?.amount ?? input.total, language),
    tone: input.tone,
    salutation: wording.salutation(input.debtor, input.tone),
    ...(input.demand
      ? {
          demand: {
            payBy: formatCalendarDate(input.demand.payBy, locale),
            ...(input.demand.termDays ? { termDays: input.demand.termDays } : {}),
            ...(input.demand.handOver
              ? {
                  handOver: {
                    on: formatCalendarDate(input.demand.handOver.on, locale),
                    ...(input.demand.handOver.agency ? { agency: input.demand.handOver.agency } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(input.request?.kind === 'principal-settlement' ? { offerNamesPayBy: true } : {}),
  };
  const payment = spec.invitesPayment ? input.payment : undefined;
  const claim = claimBlock(input, wording);
  const words = spec.write(wording, facts, input);
  const disputed = spec.invitesPayment
    ? input.invoices.flatMap(({ number, disputedAmount, openAmount }) =>
        disputedAmount
          ? [
              disputedPartLine(language, {
                number,
                disputed: formatMoney(disputedAmount, language),
                asked: formatMoney(openAmount, language),
              }),
            ]
          : [],
      )
    : [];
  return {
    language,
    labels,
    words: disputed.length > 0 ? { ...words, intro: [...words.intro, ...disputed] } : words,
    ...(spec.audience === 'debtor' ? { addressee: wording.addresseeLines(input.debtor) } : {}),
    date: formatCalendarDate(input.today, locale),
    invoices: input.invoices.map((invoice) => ({
      number: invoice.number,
      dueDate: formatCalendarDate(invoice.dueDate, locale),
      openAmount: formatMoney(invoice.openAmount, language),
      daysOverdue: invoice.daysOverdue,
      ...(spec.invitesPayment && invoice.paymentLink && isWebLink(invoice.paymentLink)
        ? { paymentLink: invoice.paymentLink }
        : {}),
      ...(payment?.forTotal && invoice.reference ? { reference: invoice.reference } : {}),
    })),
    total: formatMoney(input.total, language),
    ...(claim ? { claim } : {}),
    ...(input.request?.kind === 'principal-settlement'
      ? {
          offer: wording.claim.settlementOffer(
            formatMoney(input.request.amount, language),
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
  };
}

/** Renders one letter (or a note to a colleague) as subject, HTML and equivalent plain text. */
export function renderLetter(input: LetterInput): RenderedLetter {
  if (!isTemplateId(input.template)) throw new Error(`no template named ${input.template}`);
  const wording = wordingFor(input.language);
  const doc = letterDocument(input, TEMPLATES[input.template], wording);
  return { subject: doc.words.subject, html: htmlLetter(doc), text: textLetter(doc) };
}
