import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
  payment,
  statesEntered,
} from '../workflow/scenario';

interface PromiseBody {
  id: string;
  invoiceId: string;
  promisedDate: string;
  amount: number;
  status: string;
  followUpOn: string;
}

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

interface TaskList {
  tasks: { id: string; kind: string; invoiceId: string; priority: number }[];
}

async function promise(h: CloudHarness, invoiceId: string, body: unknown, group?: 'controller' | 'manager') {
  return h.send<PromiseBody & ErrorBody>('POST', `/invoices/${invoiceId}/promises`, body, group);
}

async function promisesOf(h: CloudHarness, invoiceId: string): Promise<PromiseBody[]> {
  return (await h.get<{ promises: PromiseBody[] }>(`/invoices/${invoiceId}/promises`)).body.promises;
}

describe('promises to pay', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('pauses the dunning while a promise is open and keeps the promise paid on the promised day', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    const taken = await promise(h, inv.id, {
      promisedDate: '2026-03-17',
      note: 'Betaalt na de maandafsluiting',
    });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      invoiceId: inv.id,
      promisedDate: '2026-03-17',
      amount: 1_250_00,
      status: 'open',
    });
    const paused = await invoiceView(h, inv.id);
    expect(paused.dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
    expect(paused.timeline.find((e) => e.type === 'promise_taken')).toMatchObject({
      actor: {
        kind: 'user',
        id: expect.stringMatching(/^user:/),
        name: 'Carla Jansen',
        email: 'controller@example.com',
      },
    });

    // The firm reminder was due on the 15th: nothing goes out while the promise is open.
    await advanceTo(h, '2026-03-17T08:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    expect((await h.post(payment(inv.id, 1_250_00, '2026-03-17T10:00:00+01:00'))).status).toBe(200);

    await eventually(async () => expect((await promisesOf(h, inv.id))[0]?.status).toBe('kept'));
    await advanceTo(h, '2026-03-25T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    const settled = await invoiceView(h, inv.id);
    expect(settled.status).toBe('paid');
    expect(settled.timeline.some((e) => e.type === 'promise_kept')).toBe(true);
    const debtorView = await h.get<{ promises: { keptRate: number | null } }>(`/debtors/${debtor.id}`);
    expect(debtorView.body.promises.keptRate).toBe(1);
  });

  it('resumes a broken promise at the next step on the first business day after the grace, with a task, repeating nothing', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');

    // Thursday the 12th, two days' grace to Saturday the 14th: followed up on Monday the 16th.
    const taken = await promise(h, inv.id, { promisedDate: '2026-03-12' });
    expect(taken.body.followUpOn).toBe('2026-03-16');
    await advanceTo(h, '2026-03-10T10:00:00Z');
    expect((await h.post(payment(inv.id, 500_00, '2026-03-10T10:00:00+01:00'))).status).toBe(200);

    await advanceTo(h, '2026-03-15T22:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });

    await advanceTo(h, '2026-03-16T12:00:00Z');
    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('secondReminder');
      return current;
    });
    expect(view.openAmount).toBe(750_00);
    expect(view.timeline.some((e) => e.type === 'promise_broken')).toBe(true);
    expect((await promisesOf(h, inv.id))[0]).toMatchObject({ status: 'broken' });
    // The friendly reminder is not sent again: the new execution starts at the firm reminder.
    expect(await emailsTo(h, debtor.email)).toHaveLength(2);
    expect((await statesEntered(h, view.dunning?.execution ?? '')).slice(0, 5)).toEqual([
      'WaitUntilFirstReminder',
      'SendFirstReminder',
      'ResumeAtStep',
      'WaitUntilSecondReminder',
      'SendSecondReminder',
    ]);
    const tasks = (await h.get<TaskList>('/tasks')).body.tasks.filter((t) => t.invoiceId === inv.id);
    expect(tasks.map((t) => t.kind)).toEqual(['broken_promise']);
  });

  it('refuses a promise dated beyond maxPromiseDays, naming promisedDate', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });

    const answer = await promise(h, inv.id, { promisedDate: '2026-04-02' });

    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: 'promisedDate', message: expect.stringContaining('maxPromiseDays') },
    ]);
    expect((await invoiceView(h, inv.id)).dunning?.status).toBe('running');
    expect(await promisesOf(h, inv.id)).toEqual([]);
  });

  it('lets only a manager take a promise on an invoice whose two earlier promises were broken', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });

    expect((await promise(h, inv.id, { promisedDate: '2026-03-03' })).status).toBe(201);
    await advanceTo(h, '2026-03-06T12:00:00Z');
    expect((await promisesOf(h, inv.id)).map((p) => p.status)).toEqual(['broken']);
    expect((await promise(h, inv.id, { promisedDate: '2026-03-09' })).status).toBe(201);
    await advanceTo(h, '2026-03-12T12:00:00Z');
    expect((await promisesOf(h, inv.id)).map((p) => p.status)).toEqual(['broken', 'broken']);

    const refused = await promise(h, inv.id, { promisedDate: '2026-03-20' }, 'controller');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/2 broken promises.*only a manager/);
    const allowed = await promise(h, inv.id, { promisedDate: '2026-03-20' }, 'manager');
    expect(allowed.status).toBe(201);
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'paused', pausedFor: 'promise' });
  });

  it('pauses on the call outcome promised instead of escalating to the account manager', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    // The call of day 21, Sunday 22 March, falls on the next working day: Monday 23 March, 09:00.
    await h.advanceDays(21);
    await h.cloud.advance(4 * 3_600_000);
    const call = await eventually(async () => {
      const found = (await h.get<TaskList>('/tasks')).body.tasks.find(
        (t) => t.invoiceId === inv.id && t.kind === 'call',
      );
      expect(found).toBeDefined();
      return found!;
    });
    const brief = h.cloud
      .notifications()
      .find((m) => m.topicName === 'call-tasks' && m.message.includes(inv.id));
    expect(JSON.parse(brief?.message ?? '{}').outcomes).toEqual([
      'no_answer',
      'reached',
      'wrong_contact',
      'promised',
      'disputed',
      'plan_requested',
      'financial_trouble',
    ]);

    const outcome = await h.send<{ workflowResumed: boolean; promise: PromiseBody }>(
      'POST',
      `/tasks/${call.id}/outcome`,
      { outcome: 'promised', promisedDate: '2026-04-03', note: 'Betaalt begin april' },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.body.workflowResumed).toBe(false);
    expect(outcome.body.promise).toMatchObject({ invoiceId: inv.id, status: 'open' });

    // The account manager was due on day 30 (31 March).
    await h.advanceDays(10);
    const view = await invoiceView(h, inv.id);
    expect(view.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'promise',
      executionStatus: 'ABORTED',
    });
    expect(await statesEntered(h, view.dunning?.execution ?? '')).not.toContain('EscalateToAccountManager');
    expect(h.cloud.notifications().some((m) => m.topicName === 'account-managers')).toBe(false);
    const debtorView = await h.get<{ debtor: { creditHold: boolean } }>(`/debtors/${debtor.id}`);
    expect(debtorView.body.debtor.creditHold).toBe(false);
  });
});

describe('holds', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('resumes a hold until a date at the next step on that day', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    const hold = await h.send('POST', `/invoices/${inv.id}/hold`, {
      until: '2026-03-20',
      reason: 'Levering wordt nagekeken',
    });
    expect(hold.status).toBe(201);
    const held = await invoiceView(h, inv.id);
    expect(held.dunning).toMatchObject({ status: 'paused', pausedFor: 'hold', pausedUntil: '2026-03-20' });
    expect(held.timeline.some((e) => e.type === 'hold_placed')).toBe(true);

    await advanceTo(h, '2026-03-19T22:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    await advanceTo(h, '2026-03-20T12:00:00Z');
    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('secondReminder');
      return current;
    });
    expect(view.dunning?.status).toBe('running');
    expect(view.timeline.some((e) => e.type === 'hold_ended')).toBe(true);
    expect(await emailsTo(h, debtor.email)).toHaveLength(2);
  });

  it('resumes at once when the hold is lifted early', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    // The firm reminder of day 14, Sunday 15 March, goes out on Monday 16 March at 09:00.
    await advanceTo(h, '2026-03-16T09:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(2);
    await h.send('POST', `/debtors/${debtor.id}/hold`, {
      until: '2026-04-30',
      reason: 'Overname in behandeling',
    });
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'paused', pausedFor: 'hold' });
    const debtorView = await h.get<{ debtor: { hold?: { until: string } } }>(`/debtors/${debtor.id}`);
    expect(debtorView.body.debtor.hold?.until).toBe('2026-04-30');

    await advanceTo(h, '2026-03-25T05:30:00Z');
    expect((await h.send('DELETE', `/debtors/${debtor.id}/hold`, undefined)).status).toBe(200);

    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.status).toBe('running');
      return current;
    });
    expect(view.dunning?.lastStep?.slot).toBe('secondReminder');
    // The call was due on the 23rd (day 21, Sunday the 22nd, moved to the Monday): it comes now, once.
    await advanceTo(h, '2026-03-25T12:00:00Z');
    const tasks = (await h.get<TaskList>('/tasks')).body.tasks.filter((t) => t.invoiceId === inv.id);
    expect(tasks.map((t) => t.kind)).toEqual(['call']);
  });
});
