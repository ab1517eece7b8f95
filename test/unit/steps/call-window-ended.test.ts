import { describe, expect, it } from 'vitest';
import { recordCallWindowEnded } from '../../../functions/use-cases/steps/call-window-ended-step';
import { debtorRecord, taskRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const NOW = new Date('2026-03-30T08:00:00Z');
const clock = { now: () => NOW };

async function world(taskChanges: Parameters<typeof taskRecord>[0] = {}) {
  const store = new InMemoryCreditStore();
  const debtor = debtorRecord({ failedContacts: 1 });
  const execution = 'inv-1-abc--1';
  const task = taskRecord({ id: `call--${execution}`, debtorId: debtor.id, ...taskChanges });
  await store.commit([
    { kind: 'putDebtor', debtor, expectedVersion: null },
    { kind: 'putTask', task, expectedVersion: null },
  ]);
  const payload = { invoiceId: task.invoiceId, execution, step: 'call' as const };
  return { store, debtor, task, payload };
}

describe('a call window that ends without an outcome', () => {
  it('counts once against the open call task and as a failed contact of the debtor, on the timeline', async () => {
    const { store, debtor, task, payload } = await world();

    expect(await recordCallWindowEnded({ store, clock }, payload)).toMatchObject({ recorded: true });
    // The same window again (a retried invocation): nothing more is counted.
    expect(await recordCallWindowEnded({ store, clock }, payload)).toMatchObject({ recorded: false });

    expect(await store.getTask(task.id)).toMatchObject({ status: 'open', missedCallWindows: 1 });
    expect((await store.getDebtor(debtor.id))?.failedContacts).toBe(2);
    const timeline = await store.timeline({ invoiceId: task.invoiceId });
    expect(timeline.map((event) => event.type)).toEqual(['call_window_ended']);
  });

  it('records nothing when the outcome was recorded as the window closed', async () => {
    const { store, debtor, task, payload } = await world({ status: 'closed' });

    expect(await recordCallWindowEnded({ store, clock }, payload)).toMatchObject({ recorded: false });
    expect(await store.getTask(task.id)).not.toHaveProperty('missedCallWindows');
    expect((await store.getDebtor(debtor.id))?.failedContacts).toBe(1);
  });
});
