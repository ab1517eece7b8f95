import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  buildClaim,
  type Claim,
  type ClaimInput,
  type ClaimInvoiceFacts,
  type LetterInvoiceFacts,
} from '../../core/legal/claim';
import { StatutoryRateNotKnownError } from '../../core/legal/statutory-rates';
import type { Clock } from '../../ports/clock';
import type { CreditStore, DebtorRecord, InvoiceRecord, PaymentRecord } from '../../ports/credit-store';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { currentRateTable } from '../rates/rate-table';
import { conflict, notFound, unprocessable } from '../refusal';
import { claimInvoiceFacts, explanationLanguage } from './claim-facts';
import { policyOfInvoice } from './invoice-policy';

export interface ClaimDeps {
  store: CreditStore;
  clock: Clock;
}

/**
 * GET /invoices/{id}/claim: what the debtor owes on the invoice as of a day (today in Amsterdam
 * when not given): principal, statutory interest, collection costs or the fixed compensation,
 * each explained, with the limitation and bad-debt VAT dates. Computed from the invoice's
 * timeline, the legal settings of its dunning policy and the stored rate table.
 */
export async function invoiceClaim(deps: ClaimDeps, invoiceId: string, asOf?: CalendarDate): Promise<Claim> {
  const input = await invoiceClaimInput(deps, invoiceId, asOf);
  try {
    return buildClaim(input);
  } catch (error) {
    // Interest over a day needs that day's published rate, which an admin has not entered yet.
    if (error instanceof StatutoryRateNotKnownError) throw unprocessable(error.message, 'rate_not_known');
    throw error;
  }
}

/**
 * Everything buildClaim needs for an invoice, read from the store. Whatever else states a claim
 * (the final notice, the agency's file) starts here too, so that it shows the API's figures.
 */
export async function invoiceClaimInput(
  deps: ClaimDeps,
  invoiceId: string,
  asOf?: CalendarDate,
): Promise<ClaimInput> {
  const { store } = deps;
  const invoice = await store.getInvoice(invoiceId);
  if (!invoice) throw notFound(`Invoice ${invoiceId} does not exist.`);
  if (invoice.status === 'cancelled') {
    throw conflict(
      `Invoice ${invoice.number} was cancelled: nothing can be claimed on it.`,
      'invoice_cancelled',
    );
  }
  const debtor = await debtorOfInvoice(store, invoice);
  const [facts, policy, rates] = await Promise.all([
    factsOf(store, invoice, debtor),
    policyOfInvoice(store, invoice, debtor),
    currentRateTable(store),
  ]);
  const letterInvoices = await lettersOtherInvoices(store, facts, debtor);

  return {
    invoice: facts,
    ...(letterInvoices.length > 0 ? { letterInvoices } : {}),
    policy: policy.legal,
    rates: rates.rates,
    asOf: asOf ?? localDate(deps.clock.now(), BUSINESS_TIME_ZONE),
    language: explanationLanguage(debtor),
  };
}

async function factsOf(
  store: CreditStore,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
): Promise<ClaimInvoiceFacts> {
  const timeline = await store.timeline({ invoiceId: invoice.id });
  const payments = await Promise.all(
    timeline
      .filter((event) => event.type === 'payment_received')
      .map((event) => store.getPayment(String(event.details?.paymentId))),
  );
  return claimInvoiceFacts({
    invoice,
    debtor,
    timeline,
    payments: payments.filter((payment): payment is PaymentRecord => payment !== undefined),
  });
}

/**
 * The other invoices listed by the invoice's 14-day letters: the costs such a letter states are
 * over their combined principal, so each one's share needs what the others owed. A cancelled
 * invoice owed nothing.
 */
async function lettersOtherInvoices(
  store: CreditStore,
  facts: ClaimInvoiceFacts,
  debtor: DebtorRecord,
): Promise<LetterInvoiceFacts[]> {
  const ids = new Set(
    (facts.notices ?? [])
      .filter((notice) => notice.kind === 'fourteen-day-letter')
      .flatMap((notice) => notice.invoiceIds ?? [])
      .filter((id) => id !== facts.invoiceId),
  );
  const others = await Promise.all(
    [...ids].map(async (id) => {
      const other = await store.getInvoice(id);
      return other && other.status !== 'cancelled' ? factsOf(store, other, debtor) : undefined;
    }),
  );
  return others.filter((other): other is ClaimInvoiceFacts => other !== undefined);
}
