import {
  type AgencyResult,
  type AgencyStatus,
  daysAtAgency,
  isAtAgency,
} from '../../core/agency/agency-claim';
import type { CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import type { Clock } from '../../ports/clock';
import type { CreditStore } from '../../ports/credit-store';

export interface AgencyReportLine {
  claimId: string;
  invoiceNumber: string;
  claimFileId: string;
  status: AgencyStatus;
  result: AgencyResult | null;
  handedOverOn: CalendarDate;
  endedOn: CalendarDate | null;
  daysAtAgency: number;
  currency: string;
  handedOverAmount: number;
  collected: number;
  fees: number;
  paidToUsDirectly: number;
}

export interface AgencyTotals {
  currency: string;
  claims: number;
  atAgency: number;
  handedOverAmount: number;
  collected: number;
  fees: number;
  paidToUsDirectly: number;
}

export interface AgencyReport {
  asOf: CalendarDate;
  claims: AgencyReportLine[];
  /** Per currency: money is never added across currencies. */
  totals: AgencyTotals[];
  /** Claims the agency closed, by result, and those we recalled. */
  results: Record<AgencyResult | 'recalled', number>;
}

/**
 * GET /reports/agency: every claim handed over (since `from`), read from the claims' own items by
 * their index (gsi1 `AGENCY_CLAIM`, by the day each went), never from a scan of the invoices.
 */
export async function agencyReport(
  deps: { store: CreditStore; clock: Clock },
  query: { from?: CalendarDate; status?: AgencyStatus },
): Promise<AgencyReport> {
  const asOf = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const claims = (await deps.store.listAgencyClaims(query.from)).filter(
    (claim) => query.status === undefined || claim.status === query.status,
  );
  const lines = claims.map((claim): AgencyReportLine => {
    const endedOn = claim.endedAt ? localDate(new Date(claim.endedAt), BUSINESS_TIME_ZONE) : null;
    return {
      claimId: claim.invoiceId,
      invoiceNumber: claim.invoiceNumber,
      claimFileId: claim.claimFileId,
      status: claim.status,
      result: claim.result ?? null,
      handedOverOn: claim.handedOverOn,
      endedOn,
      daysAtAgency: daysAtAgency(claim.handedOverOn, endedOn ?? asOf),
      currency: claim.currency,
      handedOverAmount: claim.handedOverAmount,
      collected: claim.collected,
      fees: claim.fees,
      paidToUsDirectly: claim.directPayments.reduce((sum, payment) => sum + payment.amount, 0),
    };
  });
  const totals = new Map<string, AgencyTotals>();
  for (const line of lines) {
    const total = totals.get(line.currency) ?? {
      currency: line.currency,
      claims: 0,
      atAgency: 0,
      handedOverAmount: 0,
      collected: 0,
      fees: 0,
      paidToUsDirectly: 0,
    };
    total.claims += 1;
    total.atAgency += isAtAgency(line) ? 1 : 0;
    total.handedOverAmount += line.handedOverAmount;
    total.collected += line.collected;
    total.fees += line.fees;
    total.paidToUsDirectly += line.paidToUsDirectly;
    totals.set(line.currency, total);
  }
  const results = { paid: 0, settled: 0, uncollectable: 0, recalled: 0 };
  for (const line of lines) {
    if (line.status === 'recalled') results.recalled += 1;
    else if (line.result) results[line.result] += 1;
  }
  return {
    asOf,
    claims: lines,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    results,
  };
}
