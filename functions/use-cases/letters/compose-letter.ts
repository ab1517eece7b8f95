import { addDays, type CalendarDate, daysBetween, isBefore } from '../../core/calendar/calendar-date';
import { type DunningStep, FOURTEEN_DAY_LETTER, type LegalPolicy } from '../../core/dunning/dunning-policy';
import type { Debtor } from '../../core/ledger/debtor';
import { undisputedAmount } from '../../core/disputes/dispute';
import type { Invoice } from '../../core/ledger/invoice';
import { fourteenDayTermEnd } from '../../core/legal/fourteen-day-letter';
import { DEFAULT_EMAIL_DELIVERY_MARGIN_DAYS } from '../../core/legal/legal-policy';
import { type LetterRequest, letterRequestKindOf, type RequestPart } from '../../core/legal/letter-request';
import { postalReceiptDate } from '../../core/legal/written-notice';
import { vatOnCollectionCosts, wikCollectionCosts } from '../../core/legal/wik-collection-costs';
import { add, type Money, sum } from '../../core/money';
import {
  buildEpcQrPayload,
  checkEpcQrInput,
  type EpcQrInput,
  renderEpcQrPng,
} from '../../core/payments/epc-qr';
import { type PaymentReference, parsePaymentReference } from '../../core/payments/payment-reference';
import type { OutgoingEmail } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import type { LetterClaim, LetterInput } from '../../templates/letter-input';
import { type RenderOptions, renderLetter } from '../../templates/render-letter';
import type { ClaimDeps } from '../claims/invoice-claim';
import { statedClaim } from '../claims/stated-claim';

export interface LetterToCompose {
  step: DunningStep;
  legal: LegalPolicy;
  debtor: Pick<Debtor, 'name' | 'language'> & Partial<Pick<Debtor, 'kind' | 'contact'>>;
  creditor: CreditorDetails;
  /** At least one, all in one currency; the first is the one the letter is sent for. */
  invoices: readonly Invoice[];
  /** The letter's date: the local day it is sent. */
  today: CalendarDate;
  /** By when the letter asks to pay (see core/dunning/demand-term.ts). */
  demand?: LetterInput['demand'];
  /**
   * The letter's own structured reference for its total, when it lists several invoices
   * (letter-reference.ts): its QR code pays the total with it, and the matching finds the
   * invoices by it. Without one a letter of several invoices puts their references in the QR's
   * remittance text.
   */
  reference?: PaymentReference;
  /** The debtor's signed link to their self-service page. */
  selfServiceUrl?: string;
  /** The payment provider's link for an invoice the invoicing system gave none; without it, none. */
  providerLink?: (invoice: Invoice, asked: Money) => Promise<string | undefined>;
  /** The current version of the letter's template (the template store); version 1 without it. */
  render?: RenderOptions;
}

export interface ComposedLetter {
  email: Pick<OutgoingEmail, 'subject' | 'html' | 'text' | 'inlineImages'>;
  /** What the 14-day letter promised: the evidence its costs rest on. */
  fourteenDayTerm?: { endsOn: CalendarDate; costs: Money };
  /** What a letter stating the claim asked, and by when: the amount its QR code pays. */
  request?: LetterRequest;
  /** By when a letter that is no 14-day letter asked to pay: the date it printed. */
  demand?: LetterInput['demand'];
  /** The letter's own reference for its total (electronic form), when it printed one. */
  reference?: string;
}

const QR_CONTENT_ID = 'epc-qr';

/**
 * Renders the letter of one step in the debtor's language, with the QR code as an inline image.
 * The final notice also states the claim on each invoice, which it reads from the store through
 * `claims`; a letter composed without them states no claim.
 */
export async function composeLetter(letter: LetterToCompose, claims?: ClaimDeps): Promise<ComposedLetter> {
  const [first] = letter.invoices;
  if (!first) throw new Error('a letter lists at least one invoice');
  const total = sum(letter.invoices.map(askedMoney), first.currency);
  const invoiceReferences = new Map(
    letter.invoices.flatMap((invoice) => {
      const parsed = parsePaymentReference(invoice.paymentReference);
      return parsed.valid ? [[invoice.id, parsed.reference] as const] : [];
    }),
  );
  const several = letter.invoices.length > 1;
  // One reference for what the letter asks: the invoice's, or the letter's own for several.
  const ownReference = several ? letter.reference : undefined;
  const references = ownReference ? [ownReference] : [...invoiceReferences.values()];
  const fourteenDayTerm =
    letter.step.template === FOURTEEN_DAY_LETTER ? fourteenDayTermOf(letter, total) : undefined;
  const stated = claims && letter.step.kind === 'final_notice' ? await claimsOf(claims, letter) : [];
  const request = stated.length > 0 ? requestOf(letter, stated, total, fourteenDayTerm) : undefined;
  // The invoicing system's payment links pay an invoice's open amount: only where that is what is
  // asked, and for every invoice or none (a letter that offers two of three buttons misleads). The
  // link asks for the whole invoice, so an invoice disputed in part does not show it. Where it gave
  // none, or asks too much, the payment provider's link for what is asked takes its place.
  const asksOpenAmounts = !request || request.amount.amount === total.amount;
  const links = asksOpenAmounts ? await paymentLinksOf(letter) : [];
  const linksPayTheRequest = asksOpenAmounts && links.every((link) => link !== undefined);
  const demand = letter.demand && !fourteenDayTerm ? printedDemand(letter.demand, request) : undefined;
  const qr = await qrImage(
    letter,
    request?.amount ?? total,
    references.map((reference) => reference.electronic),
  );

  const input: LetterInput = {
    template: letter.step.template,
    tone: letter.step.tone,
    language: letter.debtor.language,
    debtor: {
      name: letter.debtor.name,
      ...(letter.debtor.kind ? { kind: letter.debtor.kind } : {}),
      ...(letter.debtor.contact ? { contact: letter.debtor.contact } : {}),
    },
    creditor: letter.creditor,
    invoices: letter.invoices.map((invoice, index) => ({
      number: invoice.number,
      dueDate: invoice.dueDate,
      openAmount: askedMoney(invoice),
      daysOverdue: Math.max(0, daysBetween(invoice.dueDate, letter.today)),
      ...(linksPayTheRequest && links[index] ? { paymentLink: links[index] } : {}),
      // With the letter's own reference for the total, each invoice keeps its own for paying one by one.
      ...(ownReference && invoiceReferences.has(invoice.id)
        ? { reference: invoiceReferences.get(invoice.id)!.printed }
        : {}),
      ...(invoice.disputedPart
        ? {
            disputedAmount: {
              amount: invoice.openAmount - askedMoney(invoice).amount,
              currency: invoice.currency,
            },
          }
        : {}),
    })),
    total,
    ...(request ? { request: { kind: request.kind, amount: request.amount, payBy: request.payBy } } : {}),
    ...(references.length > 0
      ? {
          payment: {
            reference: references.map((reference) => reference.printed).join(', '),
            ...(ownReference ? { forTotal: true } : {}),
            ...(qr ? { qrPngDataUrl: `cid:${QR_CONTENT_ID}` } : {}),
          },
        }
      : {}),
    ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
    ...(demand ? { demand } : {}),
    ...(stated.length > 0 ? { claims: stated } : {}),
    today: letter.today,
    ...(letter.selfServiceUrl ? { selfServiceUrl: letter.selfServiceUrl } : {}),
  };
  const rendered = renderLetter(input, letter.render);
  return {
    email: {
      ...rendered,
      ...(qr
        ? {
            inlineImages: [
              { contentId: QR_CONTENT_ID, filename: 'qr.png', contentType: 'image/png', content: qr },
            ],
          }
        : {}),
    },
    ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
    ...(request ? { request } : {}),
    ...(demand ? { demand } : {}),
    ...(ownReference ? { reference: ownReference.electronic } : {}),
  };
}

/**
 * Per invoice, whether a link pays what the letter asks on it (`covered`) and the link printed.
 * The invoicing system's link asks for the whole invoice: it covers it, but is not printed for
 * one disputed in part. The provider's link is made for what is asked, disputed part or not.
 */
async function paymentLinksOf(letter: LetterToCompose): Promise<(string | undefined)[]> {
  return Promise.all(
    letter.invoices.map(async (invoice) => {
      if (invoice.paymentLink && !invoice.disputedPart) return invoice.paymentLink;
      return letter.providerLink?.(invoice, askedMoney(invoice));
    }),
  );
}

/**
 * The one date a letter prints to pay by. A letter that states a request asks by the request's
 * date, which allows for the email's delivery; it is printed with no term in days, which would
 * count from another day. The hand-over day stays where it falls after that date, and is left out
 * where it would not, rather than contradict it.
 */
function printedDemand(demand: NonNullable<LetterInput['demand']>, request: LetterRequest | undefined) {
  if (!request) return demand;
  const { handOver } = demand;
  return {
    payBy: request.payBy,
    ...(handOver && isBefore(request.payBy, handOver.on) ? { handOver } : {}),
  };
}

/**
 * What a letter asks for on an invoice: what is open, less a part under dispute (the dunning goes
 * on for the undisputed rest). The total, the QR code and the 14-day letter's costs follow it.
 */
function askedMoney(invoice: Invoice): Money {
  return { amount: undisputedAmount(invoice), currency: invoice.currency };
}

/**
 * The EPC QR code for the total. One invoice: its structured reference, so the bank statement
 * matches by itself; several: the letter's own reference, which the matching knows too, or
 * without one their references as remittance text, which the payment matching scans. No code when the rules do not allow one (not in euros, text too long):
 * the letter still prints the IBAN and the references.
 */
async function qrImage(
  letter: LetterToCompose,
  total: Money,
  references: string[],
): Promise<Buffer | undefined> {
  if (references.length === 0) return undefined;
  const qr: EpcQrInput = {
    beneficiaryName: letter.creditor.name,
    iban: letter.creditor.ibanElectronic,
    bic: letter.creditor.bic ?? null,
    amount: total,
    ...(references.length === 1 ? { reference: references[0] } : { remittanceText: references.join(' ') }),
  };
  if (checkEpcQrInput(qr).length > 0) return undefined;
  return renderEpcQrPng(buildEpcQrPayload(qr));
}

/**
 * The term and the costs the 14-day letter must state (art. 6:96 lid 6 BW). The term runs 14 days
 * from the day after receipt, so the printed last day to pay assumes the latest receipt the
 * policy allows for: an email the configured delivery margin after the send day, a letter by post
 * its postal delivery days. The delivery event recorded later is the evidence the claim checks
 * this against: a receipt later still voids the letter's costs and asks for a new letter. The
 * costs are the WIK scale over the letter's total (several invoices dunned together are one
 * claim), plus VAT only when the creditor cannot deduct it.
 */
function fourteenDayTermOf(letter: LetterToCompose, total: Money): { endsOn: CalendarDate; costs: Money } {
  const { termEndsOn } = fourteenDayTermEnd(latestReceipt(letter));
  const wik = wikCollectionCosts(total).amount;
  const vat = vatOnCollectionCosts(wik, letter.legal.creditorCanDeductVat, letter.legal.vatRatePercent);
  return { endsOn: termEndsOn, costs: add(wik, vat) };
}

function latestReceipt(letter: LetterToCompose): CalendarDate {
  const { legal, step, today } = letter;
  if (step.channel === 'letter') return postalReceiptDate(today, legal.postalDeliveryDays);
  return addDays(today, legal.emailDeliveryMarginDays ?? DEFAULT_EMAIL_DELIVERY_MARGIN_DAYS);
}

/**
 * What the letter asks (letter-request.ts): the total of the claims it states, or their principal
 * offered as a settlement; by the last day of the 14-day letter's term, or else 14 days from the
 * letter's day. The total is the one the letter prints: interest whose rate is not known yet is
 * left out of both, and claimed separately.
 */
function requestOf(
  letter: LetterToCompose,
  stated: readonly LetterClaim[],
  total: Money,
  fourteenDayTerm: { endsOn: CalendarDate } | undefined,
): LetterRequest {
  const kind = letterRequestKindOf(letter.legal, stated[0]!.debtorKind);
  const interestLeftOut = stated.some((claim) => claim.interest === 'rate-not-known');
  const partOf = ({ figures }: LetterClaim): RequestPart => {
    if (kind === 'principal-settlement') return { amount: figures.principal, costs: 0, interest: 0 };
    const interest = interestLeftOut ? 0 : figures.interest.amount;
    const costs = figures.costs.amount + figures.costs.vat;
    return { amount: figures.total - (interestLeftOut ? figures.interest.amount : 0), costs, interest };
  };
  // claimsOf states the claims in the order of the letter's invoices.
  const parts = Object.fromEntries(stated.map((claim, index) => [letter.invoices[index]!.id, partOf(claim)]));
  const amount =
    kind === 'principal-settlement'
      ? total.amount
      : Object.values(parts).reduce((sum, part) => sum + part.amount, 0);
  return {
    kind,
    amount: { amount, currency: total.currency },
    payBy: fourteenDayTerm?.endsOn ?? addDays(letter.today, REQUEST_TERM_DAYS),
    parts,
  };
}

/** The term a letter that is no 14-day letter gives to pay what it asks. */
const REQUEST_TERM_DAYS = 14;

/**
 * The claim on each invoice as GET /invoices/{id}/claim shows it on the letter's day, so that
 * the debtor, the API and later the agency's file name the same figures.
 */
async function claimsOf(deps: ClaimDeps, letter: LetterToCompose): Promise<LetterClaim[]> {
  return Promise.all(
    letter.invoices.map(async (invoice) => {
      const { claim, debtorKind, interest } = await statedClaim(deps, invoice.id, letter.today);
      return { invoiceNumber: invoice.number, debtorKind, interest: interest.status, figures: claim };
    }),
  );
}
