import { describe, expect, it } from 'vitest';
import {
  endCallWindow,
  PARK_TOLERANCE_MS,
  parkEndsAtAccountManager,
  recordCallWindowEnded,
} from '../../../functions/use-cases/steps/call-window-ended-step';
import { debtorRecord, taskRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2026-03-30T08:00:00Z');
const clock = { now: () => NOW };
/** The account manager's step, a day after the window that ends now. */
const ACCOUNT_MANAGER_AT = '2026-03-31T08:00:00Z';

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

  it('records the end and leaves its state parked until the account manager when the window ended as planned', async () => {
    const { store, task, payload } = await world();
    const workflow = new RecordingWorkflow(new Set(['park-token']));

    const outcome = await endCallWindow(
      { store, clock, workflow },
      {
        ...payload,
        windowEnded: true,
        taskToken: 'park-token',
        accountManagerAt: ACCOUNT_MANAGER_AT,
        parkSeconds: 86_400,
      },
    );

    expect(outcome).toMatchObject({ recorded: true, parked: true });
    expect(await store.getTask(task.id)).toMatchObject({ missedCallWindows: 1 });
    // Nobody answers the park's token: its time limit moves the execution on to the account manager.
    expect(workflow.completed).toEqual([]);
  });

  it('records the end and answers its own token at once when parking would miss the account manager', async () => {
    const { store, task, payload } = await world();
    const workflow = new RecordingWorkflow(new Set(['park-token']));

    // The call step was deferred by two days: the window ended two days late, and a park of the
    // planned day would bring the account manager two days late as well.
    const late = { now: () => new Date(NOW.getTime() + 2 * 86_400_000) };
    const outcome = await endCallWindow(
      { store, clock: late, workflow },
      {
        ...payload,
        windowEnded: true,
        taskToken: 'park-token',
        accountManagerAt: ACCOUNT_MANAGER_AT,
        parkSeconds: 86_400,
      },
    );

    expect(outcome).toMatchObject({ recorded: true, parked: false });
    expect(await store.getTask(task.id)).toMatchObject({ missedCallWindows: 1 });
    expect(workflow.completed).toEqual([
      { taskToken: 'park-token', output: expect.objectContaining({ recorded: true }) },
    ]);
  });
});

describe('whether the park after an unanswered call ends at the account manager', () => {
  const at = (ms: number) => new Date(Date.parse(ACCOUNT_MANAGER_AT) - 86_400_000 + ms);
  const planned = { accountManagerAt: ACCOUNT_MANAGER_AT, parkSeconds: 86_400 };

  it('does when the window ended as planned, or within the tolerance of a retried attempt', () => {
    expect(parkEndsAtAccountManager(at(0), planned)).toBe(true);
    expect(parkEndsAtAccountManager(at(PARK_TOLERANCE_MS), planned)).toBe(true);
  });

  it('does not when it would end later or earlier than the account manager by more than the tolerance', () => {
    expect(parkEndsAtAccountManager(at(PARK_TOLERANCE_MS + 1), planned)).toBe(false);
    expect(parkEndsAtAccountManager(at(-PARK_TOLERANCE_MS - 1), planned)).toBe(false);
  });

  it('does, for a second, when the account manager came at or before the window ended: their step is due at once', () => {
    const earlier = { accountManagerAt: '2026-03-29T08:00:00Z', parkSeconds: 1 };
    expect(parkEndsAtAccountManager(NOW, earlier)).toBe(true);
    expect(parkEndsAtAccountManager(NOW, { accountManagerAt: NOW.toISOString(), parkSeconds: 1 })).toBe(true);
  });

  it('does not when a deferred call step ended its window after the account manager was due', () => {
    const late = new Date(Date.parse(ACCOUNT_MANAGER_AT) + 2 * 86_400_000);
    expect(parkEndsAtAccountManager(late, planned)).toBe(false);
  });
});
