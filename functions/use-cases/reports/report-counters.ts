import {
  type CounterChange,
  counterItems,
  difference,
  disputeContributions,
  expectedPaymentOf,
  invoiceContributions,
  paymentContributions,
  planContributions,
  promiseContributions,
  stepReached,
} from '../../core/reports/fact-counters';
import {
  ConcurrentModificationError,
  type CreditStore,
  type DebtorRecord,
  type DisputeRecord,
  type InvoiceRecord,
  type PlanRecord,
  type PromiseRecord,
  type StoreWrite,
} from '../../ports/credit-store';

/** Records read lately, by kind, id and version: most commits write what they just read. */
const REMEMBERED_RECORDS = 500;

interface Kinds {
  invoice: InvoiceRecord;
  promise: PromiseRecord;
  dispute: DisputeRecord;
  plan: PlanRecord;
  debtor: DebtorRecord;
}
type Kind = keyof Kinds;

/**
 * The credit store with the counters of the dunning, promise, dispute and forecast reports kept in
 * it (core/reports/fact-counters.ts): every commit that writes an invoice, a promise, a dispute, a
 * plan or a payment adds, in the same transaction, what the change does to them. As with the
 * portfolio ledger, no use case needs to know, and a fact is counted exactly when it is recorded.
 *
 * A change needs the record as it was: remembered from the use case's read a moment before, or
 * read again (a stored version other than the one the write expects fails the commit, as a lost
 * race would). A new invoice is stamped with how its debtor pays (`expectedPayment`), which the
 * forecast weighs its open balance by; a later write keeps the stamp.
 */
export function withReportCounters(store: CreditStore): CreditStore {
  const records = new Map<string, Kinds[Kind]>();
  const keyOf = (kind: Kind, id: string, version: number) => `${kind}:${id}@${version}`;
  const remember = <K extends Kind>(kind: K, record: Kinds[K] | undefined): Kinds[K] | undefined => {
    if (!record) return record;
    const key = keyOf(kind, record.id, record.version);
    records.delete(key);
    records.set(key, record);
    // A Map iterates in insertion order: the first key is the one remembered longest ago.
    if (records.size > REMEMBERED_RECORDS) records.delete(records.keys().next().value ?? key);
    return record;
  };
  const many = <K extends Kind>(kind: K, found: Kinds[K][]): Kinds[K][] => {
    found.forEach((record) => remember(kind, record));
    return found;
  };

  async function before<K extends Kind>(
    kind: K,
    id: string,
    expectedVersion: number | null,
    read: (id: string) => Promise<Kinds[K] | undefined>,
  ): Promise<Kinds[K] | undefined> {
    if (expectedVersion === null) return undefined;
    const known = records.get(keyOf(kind, id, expectedVersion));
    if (known) return known as Kinds[K];
    const stored = await read(id);
    if (stored?.version !== expectedVersion)
      throw new ConcurrentModificationError(`${kind} ${id} is no longer at version ${expectedVersion}`);
    return stored;
  }

  async function debtor(id: string): Promise<DebtorRecord | undefined> {
    let latest: DebtorRecord | undefined;
    for (const [key, record] of records)
      if (key.startsWith('debtor:') && record.id === id && record.version >= (latest?.version ?? -1))
        latest = record as DebtorRecord;
    return latest ?? remember('debtor', await store.getDebtor(id));
  }

  /** The write as it goes to the table (a new invoice stamped), and what it adds to the counters. */
  async function counted(write: StoreWrite): Promise<{ write: StoreWrite; changes: CounterChange[] }> {
    switch (write.kind) {
      case 'putInvoice': {
        const was = await before('invoice', write.invoice.id, write.expectedVersion, (id) =>
          store.getInvoice(id),
        );
        const kept = write.invoice.expectedPayment ?? was?.expectedPayment;
        const debtorOf = kept ? undefined : await debtor(write.invoice.debtorId);
        const expectedPayment = kept ?? (debtorOf ? expectedPaymentOf(debtorOf.behaviour) : undefined);
        const invoice = expectedPayment ? { ...write.invoice, expectedPayment } : write.invoice;
        return {
          write: { ...write, invoice },
          changes: [
            ...difference(invoiceContributions(was), invoiceContributions(invoice)),
            ...stepReached(was, invoice),
          ],
        };
      }
      case 'putPromise': {
        const was = await before('promise', write.promise.id, write.expectedVersion, (id) =>
          store.getPromise(id),
        );
        return { write, changes: difference(promiseContributions(was), promiseContributions(write.promise)) };
      }
      case 'putDispute': {
        const was = await before('dispute', write.dispute.id, write.expectedVersion, (id) =>
          store.getDispute(id),
        );
        return { write, changes: difference(disputeContributions(was), disputeContributions(write.dispute)) };
      }
      case 'putPlan': {
        const was = await before('plan', write.plan.id, write.expectedVersion, (id) => store.getPlan(id));
        return { write, changes: difference(planContributions(was), planContributions(write.plan)) };
      }
      case 'putPayment':
        // A payment is written once, when it is booked.
        return { write, changes: paymentContributions(write.payment) };
      default:
        return { write, changes: [] };
    }
  }

  const commit = async (writes: readonly StoreWrite[]): Promise<void> => {
    const outcomes = [];
    for (const write of writes) outcomes.push(await counted(write));
    const additions = counterItems(outcomes.flatMap((outcome) => outcome.changes)).map(
      (counters): StoreWrite => ({ kind: 'addReportCounters', counters }),
    );
    const stamped = outcomes.map((outcome) => outcome.write);
    await store.commit([...stamped, ...additions]);
    for (const write of stamped) {
      if (write.kind === 'putInvoice') remember('invoice', write.invoice);
      if (write.kind === 'putPromise') remember('promise', write.promise);
      if (write.kind === 'putDispute') remember('dispute', write.dispute);
      if (write.kind === 'putPlan') remember('plan', write.plan);
      if (write.kind === 'putDebtor') remember('debtor', write.debtor);
    }
  };

  const reads: Partial<CreditStore> = {
    commit,
    getInvoice: async (id) => remember('invoice', await store.getInvoice(id)),
    listInvoicesOfDebtor: async (id) => many('invoice', await store.listInvoicesOfDebtor(id)),
    pageOpenInvoicesDueBy: async (upTo, page) => {
      const found = await store.pageOpenInvoicesDueBy(upTo, page);
      many('invoice', found.items);
      return found;
    },
    getPromise: async (id) => remember('promise', await store.getPromise(id)),
    listPromisesOfDebtor: async (id) => many('promise', await store.listPromisesOfDebtor(id)),
    getDispute: async (id) => remember('dispute', await store.getDispute(id)),
    listOpenDisputes: async () => many('dispute', await store.listOpenDisputes()),
    getPlan: async (id) => remember('plan', await store.getPlan(id)),
    listPlansOfDebtor: async (id) => many('plan', await store.listPlansOfDebtor(id)),
    listPlansUnderWay: async () => many('plan', await store.listPlansUnderWay()),
    getDebtor: async (id) => remember('debtor', await store.getDebtor(id)),
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in reads) return reads[property as keyof CreditStore];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
