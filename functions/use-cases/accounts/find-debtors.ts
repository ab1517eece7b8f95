import { chooseSegment } from '../../core/dunning/segment';
import { searchName } from '../../core/worklist/search-name';
import type { CreditReader, DebtorRecord } from '../../ports/credit-store';
import { behaviourOf } from '../dunning/start-dunning';
import { pageWhere } from './find-invoices';

export interface DebtorQuery {
  q?: string;
  segment?: string;
  /** A controller's sub, or `none` for the unowned. */
  owner?: string;
  onHold?: boolean;
  limit: number;
  cursor?: string;
}

export interface DebtorSummary {
  id: string;
  name: string;
  kind: DebtorRecord['kind'];
  segment: string;
  owner: DebtorRecord['owner'] | null;
  creditHold: boolean;
  /** Until when the dunning of every invoice is held, if it is. */
  holdUntil?: string;
}

/**
 * GET /debtors: by name or id (accents and case ignored; the name must start with what is
 * typed), by owner, segment and hold, a page at a time. A name is looked up in the index of
 * debtors by search name, an owner's debtors in the owner index; segment and hold are judged on
 * each debtor read, never by a scan.
 */
export async function findDebtors(
  store: CreditReader,
  query: DebtorQuery,
): Promise<{ debtors: DebtorSummary[]; cursor?: string }> {
  const prefix = query.q === undefined ? undefined : searchName(query.q);
  const exact = query.q !== undefined && !query.cursor ? await store.getDebtor(query.q) : undefined;
  const summary = (debtor: DebtorRecord): DebtorSummary => ({
    id: debtor.id,
    name: debtor.name,
    kind: debtor.kind,
    segment: chooseSegment(debtor, behaviourOf(debtor.behaviour)).segment,
    owner: debtor.owner ?? null,
    creditHold: debtor.creditHold,
    ...(debtor.hold ? { holdUntil: debtor.hold.until } : {}),
  });
  const fitsFilters = (debtor: DebtorRecord) => {
    const seen = summary(debtor);
    return (
      (query.segment === undefined || seen.segment === query.segment) &&
      (query.onHold === undefined || (seen.creditHold || seen.holdUntil !== undefined) === query.onHold) &&
      (query.owner === undefined || (debtor.owner?.sub ?? 'none') === query.owner)
    );
  };
  const keep = (debtor: DebtorRecord) =>
    fitsFilters(debtor) && (prefix === undefined || searchName(debtor.name).startsWith(prefix));
  const listing =
    query.owner !== undefined
      ? { owner: query.owner === 'none' ? null : query.owner }
      : { namePrefix: prefix ?? '' };
  const page = await pageWhere((p) => store.pageDebtors(listing, p), keep, query);
  const found = page.items.filter((debtor) => debtor.id !== exact?.id);
  const first = exact && fitsFilters(exact) ? [exact] : [];
  return { debtors: [...first, ...found].map(summary), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
