import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import type { CreditorDetails } from '../../shared/creditor';
import type { StatedClaim } from '../claims/stated-claim';
import type { LetterOnFile } from '../letters/letters-on-file';

/** What the collection agency receives: enough to collect without asking us anything. */
export interface AgencyDossier {
  /** The invoice id: a dossier delivered twice (a retry) carries the same id, so the agency keeps one. */
  claimId: string;
  handedOverOn: CalendarDate;
  creditor: Omit<CreditorDetails, 'ibanElectronic' | 'referenceScheme'>;
  debtor: Pick<DebtorRecord, 'id' | 'name' | 'kind' | 'language' | 'email' | 'phone' | 'address'>;
  invoices: {
    invoiceId: string;
    number: string;
    issueDate: CalendarDate;
    dueDate: CalendarDate;
    currency: string;
    totalAmount: number;
    openAmount: number;
    paymentReference: string;
  }[];
  /** Every letter sent, with its date, message id, recipient and delivery: the evidence. */
  letters: LetterOnFile[];
  claim: ClaimFigures;
}

/** Amounts in cents of `currency`, as of the hand-over day. */
export interface ClaimFigures {
  currency: string;
  principal: number;
  interest: number;
  costs: number;
  costsVat: number;
  total: number;
  /** How each figure follows from the law, in Dutch (the agency's language). */
  explanation: readonly string[];
  /** What the figures leave out, and why. */
  notes: string[];
}

export interface AgencyDossierInput {
  invoice: InvoiceRecord;
  debtor: DebtorRecord;
  creditor: CreditorDetails;
  letters: LetterOnFile[];
  /** The claim of GET /invoices/{id}/claim on the hand-over day, with its explanation in Dutch. */
  stated: StatedClaim;
  today: CalendarDate;
}

export function agencyDossier(input: AgencyDossierInput): AgencyDossier {
  const { invoice, debtor } = input;
  const { ibanElectronic: _electronic, referenceScheme: _scheme, ...creditor } = input.creditor;
  return {
    claimId: invoice.id,
    handedOverOn: input.today,
    creditor,
    debtor: {
      id: debtor.id,
      name: debtor.name,
      kind: debtor.kind,
      language: debtor.language,
      ...(debtor.email ? { email: debtor.email } : {}),
      ...(debtor.phone ? { phone: debtor.phone } : {}),
      ...(debtor.address ? { address: debtor.address } : {}),
    },
    invoices: [
      {
        invoiceId: invoice.id,
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        currency: invoice.currency,
        totalAmount: invoice.totalAmount,
        openAmount: invoice.openAmount,
        paymentReference: invoice.paymentReference,
      },
    ],
    letters: input.letters,
    claim: claimFigures(input.stated),
  };
}

/**
 * The figures of GET /invoices/{id}/claim, so that the agency collects what the final notice and
 * the API state. When a statutory rate is not known yet (not published, or not entered), the
 * claim is made without interest and the dossier says so.
 */
function claimFigures({ claim, interest }: StatedClaim): ClaimFigures {
  return {
    currency: claim.currency,
    principal: claim.principal,
    interest: claim.interest.amount,
    costs: claim.costs.amount,
    costsVat: claim.costs.vat,
    total: claim.total,
    explanation: claim.explanation,
    notes:
      interest.status === 'rate-not-known'
        ? [`Statutory interest is not included: ${interest.reason}. Add it once the rate is known.`]
        : [],
  };
}
