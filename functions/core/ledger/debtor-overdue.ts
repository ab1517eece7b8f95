import type { Invoice } from './invoice';

/**
 * What the debtor ranking of GET /reports/debtors counts of one invoice as overdue, in cents of
 * its currency: the open amount of an invoice the dunning has taken up (status `overdue`, paused
 * or not). An invoice that fell due today counts from the morning sweep that starts its dunning;
 * paid, cancelled, written-off and handed-over invoices count nothing.
 */
function overdueOf(invoice: Pick<Invoice, 'status' | 'openAmount'>): number {
  return invoice.status === 'overdue' && invoice.openAmount > 0 ? invoice.openAmount : 0;
}

/** An invoice as written: what the ranking counted for it before, and the invoice itself. */
export interface InvoiceWritten {
  invoice: Pick<Invoice, 'debtorId' | 'currency' | 'status' | 'openAmount'> & { overdueCounted?: number };
  /** Null for an invoice written for the first time: nothing was counted for it. */
  expectedVersion: number | null;
}

/** A change of one debtor's overdue amount in one currency, in cents (negative: it went down). */
export interface OverdueMove {
  debtorId: string;
  currency: string;
  delta: number;
}

/**
 * The moves of the debtors' overdue amounts that a set of invoice writes makes, one per debtor and
 * currency (the deltas of its invoices added up), none where nothing changes. Each invoice carries
 * what was counted for it (`overdueCounted`, stamped by the store at its previous write, carried
 * over by `revised`); the store checks that the stored invoice carries the same, so that the
 * amounts stay exactly the sum of what is counted for each invoice.
 */
export function overdueMoves(writes: readonly InvoiceWritten[]): OverdueMove[] {
  const moves = new Map<string, OverdueMove>();
  for (const { invoice, expectedVersion } of writes) {
    const before = expectedVersion === null ? 0 : (invoice.overdueCounted ?? 0);
    const delta = overdueOf(invoice) - before;
    if (delta === 0) continue;
    const key = `${invoice.debtorId}\u0000${invoice.currency}`;
    const move = moves.get(key) ?? { debtorId: invoice.debtorId, currency: invoice.currency, delta: 0 };
    moves.set(key, { ...move, delta: move.delta + delta });
  }
  return [...moves.values()].filter((move) => move.delta !== 0);
}

/**
 * Marks on the invoice (a copy the store writes, or the caller's after the commit) what is now
 * counted for it; nothing counted leaves no field, as on invoices never counted.
 */
export function stampOverdueCounted<
  T extends { overdueCounted?: number } & Pick<Invoice, 'status' | 'openAmount'>,
>(invoice: T): T {
  const counted = overdueOf(invoice);
  if (counted > 0) invoice.overdueCounted = counted;
  else delete invoice.overdueCounted;
  return invoice;
}
