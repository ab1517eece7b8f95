import { buildClaim } from '../../core/legal/claim';
import { StatutoryRateNotKnownError } from '../../core/legal/statutory-rates';
import { isAfter } from '../../core/calendar/calendar-date';
import { type Insolvency, vatInPart } from '../../core/special/insolvency';
import { type ClaimDeps, invoiceClaimInput } from '../claims/invoice-claim';
import { unprocessable } from '../refusal';
import { debtorInInsolvency } from './insolvency';

/** One invoice of the claim filed with the trustee, in cents of its currency. */
export interface InsolvencyClaimLine {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  /** What was open on the insolvency's date. */
  principal: number;
  /** Statutory interest up to the insolvency's date, not a day after (art. 128 Fw). */
  interest: number;
  /** Collection costs (or the fixed compensation) already due on that date, and the VAT on them. */
  costs: number;
  costsVat: number;
  /** The VAT included in the principal; null when the invoicing system did not send the invoice's VAT. */
  vatInPrincipal: number | null;
  total: number;
}

export interface InsolvencyClaimStatement {
  debtor: { id: string; name: string };
  insolvency: Insolvency;
  /** The claim is stated as of the insolvency's date. */
  asOf: string;
  invoices: InsolvencyClaimLine[];
  /** Per currency: the sums of the lines. */
  totals: Record<
    string,
    Omit<InsolvencyClaimLine, 'invoiceId' | 'number' | 'issueDate' | 'dueDate' | 'currency'>
  >;
}

/**
 * GET /debtors/{id}/insolvency-claim: the statement to file with the trustee or administrator
 * (vordering ter verificatie). Each invoice issued by the insolvency's date and not cancelled is
 * claimed as the claim computation states it on that day: the open principal, statutory interest
 * up to that day only, the costs already due then with their VAT. Payouts after that day do not
 * change what is filed.
 */
export async function insolvencyClaim(deps: ClaimDeps, debtorId: string): Promise<InsolvencyClaimStatement> {
  const debtor = await debtorInInsolvency(deps, debtorId);
  const asOf = debtor.insolvency.date;
  const invoices = (await deps.store.listInvoicesOfDebtor(debtorId)).filter(
    (invoice) => invoice.status !== 'cancelled' && !isAfter(invoice.issueDate, asOf),
  );
  const lines: InsolvencyClaimLine[] = [];
  for (const invoice of invoices) {
    const input = await invoiceClaimInput(deps, invoice.id, asOf);
    let claim;
    try {
      claim = buildClaim(input);
    } catch (error) {
      if (error instanceof StatutoryRateNotKnownError) throw unprocessable(error.message, 'rate_not_known');
      throw error;
    }
    if (claim.total === 0) continue;
    lines.push({
      invoiceId: invoice.id,
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: claim.currency,
      principal: claim.principal,
      interest: claim.interest.amount,
      costs: claim.costs.amount,
      costsVat: claim.costs.vat,
      vatInPrincipal: vatInPart(claim.principal, invoice.totalAmount, invoice.vatAmount),
      total: claim.total,
    });
  }
  const totals: InsolvencyClaimStatement['totals'] = {};
  for (const line of lines) {
    const sum = (totals[line.currency] ??= {
      principal: 0,
      interest: 0,
      costs: 0,
      costsVat: 0,
      vatInPrincipal: 0,
      total: 0,
    });
    sum.principal += line.principal;
    sum.interest += line.interest;
    sum.costs += line.costs;
    sum.costsVat += line.costsVat;
    sum.vatInPrincipal =
      sum.vatInPrincipal === null || line.vatInPrincipal === null
        ? null
        : sum.vatInPrincipal + line.vatInPrincipal;
    sum.total += line.total;
  }
  return {
    debtor: { id: debtor.id, name: debtor.name },
    insolvency: debtor.insolvency,
    asOf,
    invoices: lines,
    totals,
  };
}
