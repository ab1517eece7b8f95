import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  counterShard,
  type InvoicePosition,
  invoicePosition,
  positionChange,
} from '../../core/reports/invoice-position';
import type { Clock } from '../../ports/clock';
import {
  ConcurrentModificationError,
  type CreditStore,
  type InvoiceRecord,
  type PortfolioCounters,
  type StoreWrite,
} from '../../ports/credit-store';

/** Positions of invoices read lately, by id and version: most commits write what they just read. */
const REMEMBERED_POSITIONS = 500;

/**
 * The credit store with the portfolio ledger kept in it: every commit that writes an invoice adds,
 * in the same transaction, what the change does to the portfolio's counters of the day
 * (core/reports/invoice-position.ts). A report then reads a snapshot and a day's counters, never
 * the invoices. No use case needs to know: whatever changes an invoice (intake, payments, steps,
 * pauses, disputes, write-offs) goes through `commit`.
 *
 * The change needs the invoice as it was: the version the write expects. It is remembered from
 * the read the use case made a moment before, or read again; a stored version other than the
 * expected one means the commit could not succeed anyway, and it fails as a lost race does.
 */
export function withPortfolioLedger(store: CreditStore, clock: Clock): CreditStore {
  const positions = new Map<string, InvoicePosition>();
  const remember = (invoice: InvoiceRecord | undefined) => {
    if (!invoice) return;
    const key = `${invoice.id}@${invoice.version}`;
    positions.delete(key);
    positions.set(key, invoicePosition(invoice));
    // A Map iterates in insertion order: the first key is the one remembered longest ago.
    if (positions.size > REMEMBERED_POSITIONS) positions.delete(positions.keys().next().value ?? key);
  };

  const positionBefore = async (after: InvoiceRecord, version: number): Promise<InvoicePosition> => {
    const id = after.id;
    // A version is one state only when every write moves it on; otherwise ask the table.
    const known = after.version > version ? positions.get(`${id}@${version}`) : undefined;
    if (known) return known;
    const stored = await store.getInvoice(id);
    if (stored?.version !== version) {
      throw new ConcurrentModificationError(`invoice ${id} is no longer at version ${version}`);
    }
    return invoicePosition(stored);
  };

  const commit = async (writes: readonly StoreWrite[]): Promise<void> => {
    const day = localDate(clock.now(), BUSINESS_TIME_ZONE);
    const counters = new Map<string, PortfolioCounters>();
    for (const write of writes) {
      if (write.kind !== 'putInvoice') continue;
      const before =
        write.expectedVersion === null
          ? undefined
          : await positionBefore(write.invoice, write.expectedVersion);
      for (const { currency, name, delta } of positionChange(before, invoicePosition(write.invoice))) {
        const shard = counterShard(name);
        const entry = counters.get(`${currency}#${shard}`) ?? { day, currency, shard, counters: {} };
        entry.counters[name] = (entry.counters[name] ?? 0) + delta;
        counters.set(`${currency}#${shard}`, entry);
      }
    }
    const additions = [...counters.values()]
      .map((entry) => ({
        ...entry,
        counters: Object.fromEntries(Object.entries(entry.counters).filter(([, delta]) => delta !== 0)),
      }))
      .filter((entry) => Object.keys(entry.counters).length > 0)
      .map((entry): StoreWrite => ({ kind: 'addPortfolioCounters', counters: entry }));
    await store.commit(additions.length === 0 ? writes : [...writes, ...additions]);
    for (const write of writes) if (write.kind === 'putInvoice') remember(write.invoice);
  };

  const reads: Partial<CreditStore> = {
    commit,
    getInvoice: async (id) => {
      const invoice = await store.getInvoice(id);
      remember(invoice);
      return invoice;
    },
    listInvoicesOfDebtor: async (debtorId) => {
      const invoices = await store.listInvoicesOfDebtor(debtorId);
      invoices.forEach(remember);
      return invoices;
    },
    pageOpenInvoicesDueBy: async (upTo, page) => {
      const found = await store.pageOpenInvoicesDueBy(upTo, page);
      found.items.forEach(remember);
      return found;
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in reads) return reads[property as keyof CreditStore];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
