import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, invoiceView, tasksOf } from '../workflow/scenario';

// Monday 2 March 2026, 06:00 in Amsterdam. The business-standard policy: the call on day 21
// after the due date (Sunday 22 March, so the next working day: Monday 23 March at 09:00), the
// account manager on day 30 (Tuesday 31 March).
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';
const HOUR_MS = 3_600_000;

/** To Monday 23 March, 10:00 in Amsterdam: the hour after the call task was opened. */
async function advanceToTheCall(h: CloudHarness): Promise<void> {
  await h.advanceDays(21);
  await h.cloud.advance(4 * HOUR_MS);
}

async function callTaskOf(h: CloudHarness, invoiceId: string) {
  return eventually(async () => {
    const found = (await tasksOf(h, invoiceId)).find((t) => t.kind === 'call');
    expect(found).toBeDefined();
    return found!;
  });
}

const toAccountManagers = (h: CloudHarness) =>
  h.cloud.notifications().filter((m) => m.topicName === 'account-managers');

describe('call outcomes that steer', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('the call outcome plan_requested pauses the dunning for at most seven days and puts a plan task on the list', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await advanceToTheCall(h);
    const call = await callTaskOf(h, inv.id);

    const outcome = await h.send<{
      workflowResumed: boolean;
      planRequest: { taskId: string; pausedUntil: string };
    }>('POST', `/tasks/${call.id}/outcome`, {
      outcome: 'plan_requested',
      note: 'Wil in drie termijnen betalen',
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.workflowResumed).toBe(false);
    expect(outcome.body.planRequest.pausedUntil).toBe('2026-03-30');

    const paused = await invoiceView(h, inv.id);
    expect(paused.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'plan_requested',
      pausedUntil: '2026-03-30',
    });
    const tasks = await tasksOf(h, inv.id);
    expect(tasks).toEqual([
      expect.objectContaining({ id: outcome.body.planRequest.taskId, kind: 'set_up_payment_plan' }),
    ]);
    expect(tasks[0]?.forRole).toBeUndefined();

    // Nothing is set up within the week: the dunning waits until the seventh day, no longer.
    await h.cloud.advanceTo(new Date('2026-03-29T20:00:00Z'));
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ pausedFor: 'plan_requested' });
    expect(toAccountManagers(h)).toEqual([]);

    await h.cloud.advanceTo(new Date('2026-03-30T12:00:00Z'));
    await eventually(async () => expect((await invoiceView(h, inv.id)).dunning?.status).toBe('running'));
    // It goes on at the step after the call: the account manager on day 30, not the reminders again.
    await h.cloud.advanceTo(new Date('2026-03-31T12:00:00Z'));
    await eventually(async () => expect(toAccountManagers(h)).toHaveLength(1));
    expect((await invoiceView(h, inv.id)).dunning?.lastStep?.slot).toBe('accountManager');
  });

  it('the call outcome financial_trouble tells the account manager at once and asks a manager to consider special management', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await advanceToTheCall(h);
    const call = await callTaskOf(h, inv.id);

    const outcome = await h.send<{ workflowResumed: boolean; specialManagementTaskId: string }>(
      'POST',
      `/tasks/${call.id}/outcome`,
      { outcome: 'financial_trouble', note: 'Bank heeft het krediet opgezegd' },
    );
    expect(outcome.status).toBe(200);

    const told = toAccountManagers(h);
    expect(told).toHaveLength(1);
    expect(told[0]?.messageAttributes.kind).toMatchObject({ stringValue: 'financial_trouble' });
    expect(JSON.parse(told[0]?.message ?? '{}')).toMatchObject({
      financialTrouble: { invoiceId: inv.id, note: 'Bank heeft het krediet opgezegd' },
      accountManager: { email: 'sanne@creditor.example' },
    });
    const tasks = await tasksOf(h, inv.id);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: outcome.body.specialManagementTaskId,
        kind: 'consider_special_management',
        forRole: 'manager',
      }),
    ]);

    // The dunning goes on as after reached: the account-manager step follows on day 30.
    expect(outcome.body.workflowResumed).toBe(true);
    expect((await invoiceView(h, inv.id)).dunning?.status).toBe('running');
    await h.advanceDays(10);
    await eventually(async () => expect(toAccountManagers(h)).toHaveLength(2));
    expect((await invoiceView(h, inv.id)).dunning?.lastStep?.slot).toBe('accountManager');
  });
});
