import { isOpenDispute } from '../../core/disputes/dispute';
import { isCollecting } from '../../core/ledger/invoice';
import type { Clock } from '../../ports/clock';
import type {
  CreditStore,
  DisputeRecord,
  InvoiceRecord,
  StoreWrite,
  TaskRecord,
  Versioned,
} from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';

/** DynamoDB takes at most 100 writes in one transaction. */
const RESTAMP_CHUNK = 100;

type Stamped =
  | { kind: 'invoice'; record: InvoiceRecord }
  | { kind: 'task'; record: TaskRecord }
  | { kind: 'dispute'; record: DisputeRecord };

/**
 * Writes the debtor's owner (`to`, null: unowned) on each of its open invoices, open tasks and
 * open disputes that carries another, so that they move to the new owner's part of the index
 * their worklist reads. Found in the former owner's part (`from`) and, for items written before
 * the stamp existed, by the debtor's own indexes; an invoice at the agency is stamped too, as
 * tasks are still raised from it. Each chunk is one transaction of at most 100 writes, each over
 * the version it read: a step that wrote the same item meanwhile wins, the chunk is read again
 * and retried, and the step that read the item before the stamp retries its own write.
 * Assigning the same owner again writes every open item of the account once more: whatever a race
 * left behind, and items written before the index existed (they carry no index entry yet).
 */
export async function restampAccount(
  deps: { store: CreditStore; clock: Clock },
  input: { debtorId: string; from: string | null; to: string | null },
): Promise<number> {
  const { store } = deps;
  const [former, tasks, invoices] = await Promise.all([
    store.listAccountWork(input.from, input.debtorId),
    store.listOpenTasksOfDebtor(input.debtorId),
    store.listInvoicesOfDebtor(input.debtorId),
  ]);
  const found = new Map<string, Stamped>();
  const add = (item: Stamped) => found.set(`${item.kind}#${item.record.id}`, item);
  for (const record of [...former.invoices, ...invoices.filter(stillWorked)])
    add({ kind: 'invoice', record });
  for (const record of [...former.tasks, ...tasks]) add({ kind: 'task', record });
  for (const record of former.disputes) add({ kind: 'dispute', record });
  const again = input.from === input.to;
  const due = (item: Stamped) => again || !carries(item, input.to);
  const stale = [...found.values()].filter(due);

  for (let start = 0; start < stale.length; start += RESTAMP_CHUNK) {
    const chunk = stale.slice(start, start + RESTAMP_CHUNK);
    let reread = false;
    await retryOnConflict(async () => {
      const current = reread ? await readAgain(store, chunk) : chunk;
      reread = true;
      const now = deps.clock.now();
      await store.commit(current.filter(due).map((item) => stamped(item, input.to, now)));
    });
  }
  return stale.length;
}

/** Still on someone's list: being collected, or at the agency (limitation warnings, its events). */
function stillWorked(invoice: InvoiceRecord): boolean {
  return isCollecting(invoice) || invoice.status === 'in_collection';
}

function carries(item: Stamped, owner: string | null): boolean {
  return (item.record.accountOwner ?? null) === owner;
}

function stamped(item: Stamped, owner: string | null, now: Date): StoreWrite {
  const expectedVersion = item.record.version;
  switch (item.kind) {
    case 'invoice':
      return { kind: 'putInvoice', invoice: restamped(item.record, owner, now), expectedVersion };
    case 'task':
      return { kind: 'putTask', task: restamped(item.record, owner, now), expectedVersion };
    case 'dispute':
      return { kind: 'putDispute', dispute: restamped(item.record, owner, now), expectedVersion };
  }
}

function restamped<T extends Versioned & { accountOwner?: string }>(
  record: T,
  owner: string | null,
  now: Date,
): T {
  const { accountOwner: _former, ...rest } = record;
  return revised({ ...rest, ...(owner ? { accountOwner: owner } : {}) } as T, {}, now);
}

/** The chunk as stored now (consistent reads); items gone or no longer open drop out. */
async function readAgain(store: CreditStore, chunk: readonly Stamped[]): Promise<Stamped[]> {
  const items = await Promise.all(
    chunk.map(async (item): Promise<Stamped | undefined> => {
      switch (item.kind) {
        case 'invoice': {
          const record = await store.getInvoice(item.record.id);
          return record && stillWorked(record) ? { kind: 'invoice', record } : undefined;
        }
        case 'task': {
          const record = await store.getTask(item.record.id);
          return record?.status === 'open' ? { kind: 'task', record } : undefined;
        }
        case 'dispute': {
          const record = await store.getDispute(item.record.id);
          return record && isOpenDispute(record) ? { kind: 'dispute', record } : undefined;
        }
      }
    }),
  );
  return items.filter((item): item is Stamped => item !== undefined);
}
