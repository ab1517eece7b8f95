import { BUSINESS_TIME_ZONE } from '../../core/calendar/time-zone';
import type { CreditReader } from '../../ports/credit-store';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';
import { invalid, notFound } from '../refusal';
import { inOrder, shownEntry, type StoredEntry, type TimelineEntry } from '../timelines/timeline-view';

export interface TimelinePage {
  events: TimelineEntry[];
  cursor?: string;
}

/**
 * GET /debtors/{id}/timeline: one contact history of the debtor across all its invoices, newest
 * first: letters, calls and outcomes, notes, promises, disputes, payments, holds, escalations. It
 * reads the debtor's own entries and those of each of its invoices (one Query each), numbers them
 * in the order they happened (`sequence`), and pages through them with a cursor that names the
 * last entry given.
 */
export async function debtorTimeline(
  store: CreditReader,
  input: { debtorId: string; limit: number; cursor?: string; language?: ColleagueLanguage },
): Promise<TimelinePage> {
  if (!(await store.getDebtor(input.debtorId))) throw notFound(`Debtor ${input.debtorId} does not exist.`);
  const invoices = await store.listInvoicesOfDebtor(input.debtorId);
  const lists: StoredEntry[][] = await Promise.all([
    store.timeline({ debtorId: input.debtorId }).then((events) => events.map((event) => ({ event }))),
    ...invoices.map(async (invoice) =>
      (await store.timeline({ invoiceId: invoice.id })).map((event) => ({
        event,
        invoiceId: invoice.id,
        currency: invoice.currency,
      })),
    ),
  ]);
  // A key per entry that stays the same as entries are appended: its time, its invoice, its place in its own list.
  const keyed = inOrder(
    lists.flatMap((list) =>
      list.map((entry, place) => ({
        ...entry,
        key: `${entry.event.at}#${entry.invoiceId ?? ''}#${String(place).padStart(6, '0')}`,
      })),
    ),
  ).reverse();
  const after = input.cursor === undefined ? undefined : decode(input.cursor);
  const start = after === undefined ? 0 : keyed.findIndex((entry) => entry.key === after) + 1;
  if (after !== undefined && start === 0)
    throw invalid([{ path: 'query.cursor', message: 'is not a cursor this listing gave' }]);
  const page = keyed.slice(start, start + input.limit);
  const last = page.at(-1);
  const reading = { language: input.language ?? 'nl', timeZone: BUSINESS_TIME_ZONE };
  return {
    events: page.map((entry) => shownEntry(entry, reading)),
    ...(last && start + input.limit < keyed.length
      ? { cursor: Buffer.from(last.key).toString('base64url') }
      : {}),
  };
}

function decode(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
