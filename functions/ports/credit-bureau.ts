import type { CreditReport } from '../core/credit/credit-report';

/** What a bureau reports; who recorded it and when is added by the use case. */
export type BureauReport = Omit<CreditReport, 'recordedAt' | 'recordedBy'>;

/**
 * A credit bureau: asked about a debtor, it answers with its latest report. The first adapter is
 * manual entry (a controller or an integration posts what the bureau said); a bureau's own API
 * (Graydon, Creditsafe, Dun & Bradstreet) would be another adapter of the same port.
 */
export interface CreditBureau {
  reportOn(debtor: { id: string; name: string }): Promise<BureauReport>;
}
