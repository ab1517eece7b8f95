import { describe, expect, it } from 'vitest';
import type { CreditStore, StoreWrite, TaskRecord } from '../../../functions/ports/credit-store';
import { assignOwner } from '../../../functions/use-cases/accounts/assign-owner';
import { debtorRecord, invoiceRecord, taskRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const NOW = new Date('2026-03-23T09:00:00Z');
const ME = 'controller-1';
const COLLEAGUE = 'controller-2';
const clock = { now: () => NOW };

/** A debtor of mine with an open and a paid invoice, and `tasks` open tasks on the open one. */
async function account(store: CreditStore, tasks: number) {
  const debtor = debtorRecord({ owner: { sub: ME, since: '2026-01-01T00:00:00Z', by: 'user:manager' } });
  const open = invoiceRecord({ debtorId: debtor.id, status: 'overdue', accountOwner: ME });
  const paid = invoiceRecord({ debtorId: debtor.id, status: 'paid', accountOwner: ME });
  const openTasks = Array.from({ length: tasks }, () =>
    taskRecord({ debtorId: debtor.id, invoiceId: open.id, accountOwner: ME }),
  );
  await store.commit([
    { kind: 'putDebtor', debtor, expectedVersion: null },
    { kind: 'putInvoice', invoice: open, expectedVersion: null },
    { kind: 'putInvoice', invoice: paid, expectedVersion: null },
  ]);
  for (let i = 0; i < openTasks.length; i += 50) {
    await store.commit(
      openTasks.slice(i, i + 50).map((task) => ({ kind: 'putTask' as const, task, expectedVersion: null })),
    );
  }
  return { debtor, open, paid, openTasks };
}

/** The store, recording the size of each commit after the world was set up. */
function recording(store: InMemoryCreditStore) {
  const sizes: number[] = [];
  const before = store.commit.bind(store);
  store.commit = async (writes: readonly StoreWrite[]) => {
    sizes.push(writes.length);
    await before(writes);
  };
  return sizes;
}

describe('a handover of an account', () => {
  it('moves every open invoice and task of the account to the new owner, in transactions of at most 100 writes', async () => {
    const store = new InMemoryCreditStore();
    const { debtor, open, paid, openTasks } = await account(store, 150);
    const sizes = recording(store);

    await assignOwner({ store, clock }, { debtorId: debtor.id, owner: { sub: COLLEAGUE }, by: 'manager' });

    const theirs = await store.listAccountWork(COLLEAGUE, debtor.id);
    expect(theirs.invoices.map((i) => i.id)).toEqual([open.id]);
    expect(theirs.tasks.map((t) => t.id).sort()).toEqual(openTasks.map((t) => t.id).sort());
    expect(await store.listAccountWork(ME, debtor.id)).toEqual({ invoices: [], tasks: [], disputes: [] });
    // The debtor and its timeline entry, then 151 restamps in two transactions.
    expect(sizes).toEqual([2, 100, 51]);
    expect((await store.getTask(openTasks[0]!.id))?.version).toBe(2);
    // A paid invoice is no one's work: left as it was.
    expect(await store.getInvoice(paid.id)).toEqual(paid);
  });

  it('keeps a change written to a task while its account was handed over, and stamps it after', async () => {
    const store = new InMemoryCreditStore();
    const { debtor, openTasks } = await account(store, 3);
    const raced = openTasks[1]!;
    const before = store.commit.bind(store);
    let racing = true;
    store.commit = async (writes: readonly StoreWrite[]) => {
      const restampsRaced = writes.some((w) => w.kind === 'putTask' && w.task.id === raced.id);
      if (racing && restampsRaced) {
        racing = false;
        // A call step's window ends in between: it writes the task over the version it read.
        const missed: TaskRecord = { ...raced, missedCallWindows: 1, version: raced.version + 1 };
        await before([{ kind: 'putTask', task: missed, expectedVersion: raced.version }]);
      }
      await before(writes);
    };

    await assignOwner({ store, clock }, { debtorId: debtor.id, owner: { sub: COLLEAGUE }, by: 'manager' });

    expect(await store.getTask(raced.id)).toMatchObject({
      missedCallWindows: 1,
      accountOwner: COLLEAGUE,
      version: 3,
    });
    expect((await store.listAccountWork(COLLEAGUE, debtor.id)).tasks).toHaveLength(3);
  });

  it('writes every open item of the account again when the same owner is assigned again', async () => {
    const store = new InMemoryCreditStore();
    const { debtor, open, paid, openTasks } = await account(store, 2);

    await assignOwner({ store, clock }, { debtorId: debtor.id, owner: { sub: ME }, by: 'manager' });

    // Items written before the index existed get their index entry so.
    expect(await store.getInvoice(open.id)).toMatchObject({ accountOwner: ME, version: 2 });
    for (const task of openTasks) expect((await store.getTask(task.id))?.version).toBe(2);
    expect(await store.getInvoice(paid.id)).toEqual(paid);
  });

  it('leaves the open work of an account given up unowned to the unowned list', async () => {
    const store = new InMemoryCreditStore();
    const { debtor, open } = await account(store, 1);

    await assignOwner({ store, clock }, { debtorId: debtor.id, owner: null, by: 'manager' });

    const unowned = await store.listAccountWork(null, debtor.id);
    expect(unowned.invoices.map((i) => i.id)).toEqual([open.id]);
    expect(unowned.tasks).toHaveLength(1);
    expect(unowned.tasks[0]).not.toHaveProperty('accountOwner');
  });
});
