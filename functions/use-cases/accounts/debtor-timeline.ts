import type { TimelineEvent } from '../../core/ledger/timeline';
import type { CreditStore } from '../../ports/credit-store';
import { invalid, notFound } from '../refusal';

export interface TimelinePage {
  events: (TimelineEvent & { invoiceId?: string })[];
  cursor?: string;
}

/**
 * GET /debtors/{id}/timeline: one contact history of the debtor across all its invoices, newest
 * first: letters, calls and outcomes, notes, promises, disputes, payments, holds, escalations. It
 * reads the debtor's own entries and those of each of its invoices (one Query each) and pages
 * through them with a cursor that names the last entry given.
 */
export async function debtorTimeline(
  store: CreditStore,
  input: { debtorId: string; limit: number; cursor?: string },
): Promise<TimelinePage> {
  if (!(await store.getDebtor(input.debtorId))) throw notFound(`Debtor ${input.debtorId} does not exist.`);
  const invoices = await store.listInvoicesOfDebtor(input.debtorId);
  const lists = await Promise.all([
    store.timeline({ debtorId: input.debtorId }),
    ...invoices.map(async (invoice) =>
      (await store.timeline({ invoiceId: invoice.id })).map((event) => ({ ...event, invoiceId: invoice.id })),
    ),
  ]);
  // A key per entry that stays the same as entries are appended: its time, its invoice, its place in its own list.
  const keyed = lists
    .flatMap((list) =>
      list.map((event: TimelineEvent & { invoiceId?: string }, place) => ({
        event,
        key: `${event.at}#${event.invoiceId ?? ''}#${String(place).padStart(6, '0')}`,
      })),
    )
    .sort((a, b) => (a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : a.key < b.key ? 1 : -1));
  const after = input.cursor === undefined ? undefined : decode(input.cursor);
  const start = after === undefined ? 0 : keyed.findIndex((entry) => entry.key === after) + 1;
  if (after !== undefined && start === 0)
    throw invalid([{ path: 'query.cursor', message: 'is not a cursor this listing gave' }]);
  const page = keyed.slice(start, start + input.limit);
  const last = page.at(-1);
  return {
    events: page.map((entry) => entry.event),
    ...(last && start + input.limit < keyed.length
      ? { cursor: Buffer.from(last.key).toString('base64url') }
      : {}),
  };
}

function decode(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
