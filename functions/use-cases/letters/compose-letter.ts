import { type CalendarDate, daysBetween } from '../../core/calendar/calendar-date';
import { type DunningStep, FOURTEEN_DAY_LETTER, type LegalPolicy } from '../../core/dunning/dunning-policy';
import type { Debtor } from '../../core/ledger/debtor';
import { undisputedAmount } from '../../core/disputes/dispute';
import type { Invoice } from '../../core/ledger/invoice';
import { fourteenDayTermEnd } from '../../core/legal/fourteen-day-letter';
import { vatOnCollectionCosts, wikCollectionCosts } from '../../core/legal/wik-collection-costs';
import { add, type Money, sum } from '../../core/money';
import {
  buildEpcQrPayload,
  checkEpcQrInput,
  type EpcQrInput,
  renderEpcQrPng,
} from '../../core/payments/epc-qr';
import { parsePaymentReference } from '../../core/payments/payment-reference';
import type { OutgoingEmail } from '../../ports/mailer';
import type { CreditorDetails } from '../../shared/creditor';
import type { LetterClaim, LetterInput } from '../../templates/letter-input';
import { renderLetter } from '../../templates/render-letter';
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
}

export interface ComposedLetter {
  email: Pick<OutgoingEmail, 'subject' | 'html' | 'text' | 'inlineImages'>;
  /** What the 14-day letter promised: the evidence its costs rest on. */
  fourteenDayTerm?: { endsOn: CalendarDate; costs: Money };
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
  const references = letter.invoices.flatMap((invoice) => {
    const parsed = parsePaymentReference(invoice.paymentReference);
    return parsed.valid ? [parsed.reference] : [];
  });
  const qr = await qrImage(
    letter,
    total,
    references.map((reference) => reference.electronic),
  );
  const fourteenDayTerm =
    letter.step.template === FOURTEEN_DAY_LETTER ? fourteenDayTermOf(letter, total) : undefined;
  const stated = claims && letter.step.kind === 'final_notice' ? await claimsOf(claims, letter) : [];

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
    invoices: letter.invoices.map((invoice) => ({
      number: invoice.number,
      dueDate: invoice.dueDate,
      openAmount: askedMoney(invoice),
      daysOverdue: Math.max(0, daysBetween(invoice.dueDate, letter.today)),
      // The invoicing system's link asks for the whole invoice: not for one disputed in part.
      ...(invoice.paymentLink && !invoice.disputedPart ? { paymentLink: invoice.paymentLink } : {}),
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
    ...(references.length > 0
      ? {
          payment: {
            reference: references.map((reference) => reference.printed).join(', '),
            ...(qr ? { qrPngDataUrl: `cid:${QR_CONTENT_ID}` } : {}),
          },
        }
      : {}),
    ...(fourteenDayTerm ? { fourteenDayTerm } : {}),
    ...(letter.demand && !fourteenDayTerm ? { demand: letter.demand } : {}),
    ...(stated.length > 0 ? { claims: stated } : {}),
    today: letter.today,
  };
  const rendered = renderLetter(input);
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
 * matches by itself. Several: their references as remittance text, which the payment matching
 * scans for references. No code when the rules do not allow one (not in euros, text too long):
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
 * from the day after receipt; an email counts as received when it is delivered, and SES delivers
 * within seconds of the morning send, so the receipt day is taken as the send day (+ 0 days).
 * The delivery event recorded later is the evidence the claim checks this against. The costs are
 * the WIK scale over the letter's total (several invoices dunned together are one claim), plus
 * VAT only when the creditor cannot deduct it.
 */
function fourteenDayTermOf(letter: LetterToCompose, total: Money): { endsOn: CalendarDate; costs: Money } {
  const { termEndsOn } = fourteenDayTermEnd(letter.today);
  const wik = wikCollectionCosts(total).amount;
  const vat = vatOnCollectionCosts(wik, letter.legal.creditorCanDeductVat, letter.legal.vatRatePercent);
  return { endsOn: termEndsOn, costs: add(wik, vat) };
}

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
