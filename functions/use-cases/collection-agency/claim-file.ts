import type { CalendarDate } from '../../core/calendar/calendar-date';
import type { ExplanationLanguage } from '../../core/legal/claim-explanation';
import type { TimelineEvent, TimelineEventType } from '../../core/ledger/timeline';
import type { DebtorRecord, InvoiceRecord } from '../../ports/credit-store';
import type { CreditorDetails } from '../../shared/creditor';
import type { StatedClaim } from '../claims/stated-claim';
import type { LetterAsSent } from './letters-as-sent';

/**
 * What the collection agency receives at each hand-over: the debtor's claim file, one per debtor,
 * with every claim of the debtor at the agency, so that it collects without asking us anything.
 * The claim just handed over is also given at the top level (`claimId`, `invoices`, `letters`,
 * `claim`), as the file of one claim was before the file per debtor.
 */
export interface ClaimFile {
  kind: 'claim_file';
  /** The debtor's id: the agency keeps one file per debtor and replaces it with each new one. */
  claimFileId: string;
  /** The invoice id of the claim this hand-over adds: a file delivered twice carries the same. */
  claimId: string;
  handedOverOn: CalendarDate;
  /** The language of the explanations (configuration: COLLECTION_AGENCY_LANGUAGE). */
  language: ExplanationLanguage;
  creditor: Omit<CreditorDetails, 'ibanElectronic' | 'referenceScheme'>;
  debtor: Pick<
    DebtorRecord,
    'id' | 'name' | 'kind' | 'language' | 'email' | 'phone' | 'address' | 'contact' | 'kvkNumber'
  >;
  invoices: ClaimInvoice[];
  letters: LetterAsSent[];
  claim: ClaimFigures;
  /** Every claim of the debtor at the agency, this one included, oldest hand-over first. */
  claims: ClaimInFile[];
  /** Contacts with the debtor across its invoices, newest first: letters, calls, notes, promises, disputes. */
  contactHistory: ContactEntry[];
}

export interface ClaimInvoice {
  invoiceId: string;
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  totalAmount: number;
  openAmount: number;
  paymentReference: string;
}

export interface ClaimInFile {
  claimId: string;
  handedOverOn: CalendarDate;
  invoice: ClaimInvoice;
  /** Every letter sent on the claim, with SES's send and delivery times: the evidence. */
  letters: LetterAsSent[];
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
  /** How each figure follows from the law, in the agency's language. */
  explanation: readonly string[];
  /** What the figures leave out, and why. */
  notes: string[];
}

export interface ContactEntry {
  at: string;
  type: TimelineEventType;
  summary: string;
  invoiceId?: string;
}

/** One claim as the file gives it: the invoice, its letters and the stated claim. */
export interface ClaimFacts {
  invoice: InvoiceRecord;
  handedOverOn: CalendarDate;
  letters: LetterAsSent[];
  stated: StatedClaim;
}

export interface ClaimFileInput {
  debtor: DebtorRecord;
  creditor: CreditorDetails;
  language: ExplanationLanguage;
  /** The claim handed over now. */
  handingOver: ClaimFacts;
  /** The debtor's other claims still at the agency. */
  others: readonly ClaimFacts[];
  /** The debtor's timeline across its invoices, newest first. */
  history: readonly { at: string; type: TimelineEvent['type']; summary: string; invoiceId?: string }[];
  today: CalendarDate;
}

/** What counts as contact with the debtor in the file's history. */
const CONTACT_TYPES: ReadonlySet<TimelineEventType> = new Set<TimelineEventType>([
  'email_sent',
  'email_delivered',
  'email_bounced',
  'task_closed',
  'call_window_ended',
  'note_added',
  'promise_taken',
  'promise_kept',
  'promise_broken',
  'dispute_raised',
  'dispute_resolved',
  'payment_plan_agreed',
  'payment_plan_broken',
  'signal_recorded',
  'payment_received',
]);

/** An SNS message holds 256 KB: the history is cut to the latest contacts. */
const MAX_CONTACTS = 100;

export function claimFile(input: ClaimFileInput): ClaimFile {
  const { debtor, handingOver } = input;
  const { ibanElectronic: _electronic, referenceScheme: _scheme, ...creditor } = input.creditor;
  const claims = [...input.others, handingOver]
    .sort((a, b) => a.handedOverOn.localeCompare(b.handedOverOn) || a.invoice.id.localeCompare(b.invoice.id))
    .map(claimInFile);
  const current = claimInFile(handingOver);
  return {
    kind: 'claim_file',
    claimFileId: debtor.id,
    claimId: handingOver.invoice.id,
    handedOverOn: input.today,
    language: input.language,
    creditor,
    debtor: {
      id: debtor.id,
      name: debtor.name,
      kind: debtor.kind,
      language: debtor.language,
      ...(debtor.email ? { email: debtor.email } : {}),
      ...(debtor.phone ? { phone: debtor.phone } : {}),
      ...(debtor.address ? { address: debtor.address } : {}),
      ...(debtor.contact ? { contact: debtor.contact } : {}),
      ...(debtor.kvkNumber ? { kvkNumber: debtor.kvkNumber } : {}),
    },
    invoices: [current.invoice],
    letters: current.letters,
    claim: current.claim,
    claims,
    contactHistory: input.history
      .filter((event) => CONTACT_TYPES.has(event.type))
      .slice(0, MAX_CONTACTS)
      .map((event) => ({
        at: event.at,
        type: event.type,
        summary: event.summary,
        ...(event.invoiceId ? { invoiceId: event.invoiceId } : {}),
      })),
  };
}

function claimInFile(facts: ClaimFacts): ClaimInFile {
  const { invoice } = facts;
  return {
    claimId: invoice.id,
    handedOverOn: facts.handedOverOn,
    invoice: {
      invoiceId: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      totalAmount: invoice.totalAmount,
      openAmount: invoice.openAmount,
      paymentReference: invoice.paymentReference,
    },
    letters: facts.letters,
    claim: claimFigures(facts.stated),
  };
}

/**
 * The figures of GET /invoices/{id}/claim, so that the agency collects what the final notice and
 * the API state. When a statutory rate is not known yet (not published, or not entered), the
 * claim is made without interest and the file says so.
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
