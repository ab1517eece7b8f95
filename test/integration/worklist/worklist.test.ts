import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_RULES } from '../../../functions/core/worklist/worklist-rules';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import { businessDebtor, invoice, payment, tasksOf } from '../workflow/scenario';
import { entriesOf, worklistOf } from './worklist-world';

// Monday 2 March 2026, 06:00 in Amsterdam; the business-standard policy: reminders on days 3 and 14
// after the due date, the call on day 21.
const START = new Date('2026-03-02T05:00:00Z');
const DUE = '2026-03-01';

describe('the worklist', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('gives a debtor one entry with its tasks grouped, the reasons for its priority and how to reach it', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, {
      email: undefined,
      name: 'Café De Wit',
      phone: '+31 20 555 0101',
    });
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 12_400_00 });
    // Both reminders become tasks (no email address), then the call: day 21, Sunday 22 March, so
    // the next working day, Monday 23 March at 09:00.
    await h.advanceDays(21);
    await h.cloud.advance(4 * 3_600_000);
    await eventually(async () => expect(await tasksOf(h, inv.id)).toHaveLength(3));

    const entries = entriesOf(await worklistOf(h), [debtor.id]);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry?.tasks.map((t) => t.kind).sort()).toEqual([
      'call',
      'unreachable_by_email',
      'unreachable_by_email',
    ]);
    expect(entry?.tasks[0]).toMatchObject({
      debtorName: 'Café De Wit',
      phone: '+31 20 555 0101',
      openAmount: 12_400_00,
    });
    expect(entry?.tasks.find((t) => t.kind === 'unreachable_by_email')?.outcomes).toEqual([
      'email_added',
      'letter_posted',
    ]);
    expect(entry).toMatchObject({
      overdueAmount: 12_400_00,
      currency: 'EUR',
      oldestDaysOverdue: 22,
      owner: null,
    });
    expect(entry?.reasons).toEqual([
      { factor: 'overdue_amount', points: 82, detail: '€12,400.00 overdue' },
      { factor: 'days_overdue', points: 22, detail: 'oldest invoice 22 days overdue' },
    ]);
    expect(entry?.priority).toBe(104);
  });

  it('puts a debtor whose promise was broken above a larger one under the default weights', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const promising = await businessDebtor(h);
    const small = await invoice(h, promising.id, { dueDate: DUE, totalAmount: 1_000_00 });
    const larger = await businessDebtor(h);
    await invoice(h, larger.id, { dueDate: DUE, totalAmount: 5_000_00 });
    const taken = await h.send('POST', `/invoices/${small.id}/promises`, { promisedDate: '2026-03-04' });
    expect(taken.status).toBe(201);

    // While the promise runs the debtor is off today's list, back when it is followed up.
    const waited = await worklistOf(h);
    expect(entriesOf(waited, [promising.id, larger.id]).map((e) => e.debtorId)).toEqual([larger.id]);
    expect(waited.waiting?.find((e) => e.debtorId === promising.id)).toMatchObject({
      returnsOn: '2026-03-09',
      nextAction: 'promised to pay: back on the list on 9 Mar 2026, when the promise is followed up',
    });
    // Not paid by the 4th plus two days' grace: broken on Monday the 9th.
    await h.cloud.advanceTo(new Date('2026-03-09T12:00:00Z'));
    await eventually(async () =>
      expect((await tasksOf(h, small.id)).map((t) => t.kind)).toContain('broken_promise'),
    );

    const entries = entriesOf(await worklistOf(h), [promising.id, larger.id]);
    expect(entries.map((e) => e.debtorId)).toEqual([promising.id, larger.id]);
    expect(entries[0]?.reasons).toContainEqual({
      factor: 'broken_promises',
      points: DEFAULT_WORKLIST_RULES.weights.perBrokenPromise,
      detail: 'promise of 4 Mar 2026 broken',
    });
    expect(entries[0]?.brokenPromises).toBe(1);
  });

  it("takes a debtor whose every overdue invoice is on hold off today's list until the hold ends", async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const held = await businessDebtor(h);
    await invoice(h, held.id, { dueDate: DUE, totalAmount: 2_000_00 });
    await invoice(h, held.id, { dueDate: '2026-02-20', totalAmount: 500_00 });
    expect(entriesOf(await worklistOf(h), [held.id])).toHaveLength(1);

    const hold = await h.send('POST', `/debtors/${held.id}/hold`, {
      until: '2026-03-05',
      reason: 'Betaling via de bank in behandeling',
    });
    expect(hold.status).toBeLessThan(300);
    const during = await worklistOf(h);
    expect(entriesOf(during, [held.id])).toEqual([]);
    expect(during.waiting?.find((e) => e.debtorId === held.id)).toMatchObject({
      returnsOn: '2026-03-05',
      overdueAmount: 2_500_00,
      nextAction: 'on hold: back on the list on 5 Mar 2026, when the hold ends',
    });

    await h.cloud.advanceTo(new Date('2026-03-05T12:00:00Z'));
    const after = await worklistOf(h);
    expect(entriesOf(after, [held.id])).toHaveLength(1);
    expect(after.waiting?.map((e) => e.debtorId)).not.toContain(held.id);
  });

  it('reorders the list when a manager changes the weights', async () => {
    h = await startCloudHarness(START);
    const older = await businessDebtor(h);
    await invoice(h, older.id, { dueDate: '2026-02-02', totalAmount: 1_000_00 });
    const larger = await businessDebtor(h);
    await invoice(h, larger.id, { dueDate: '2026-02-25', totalAmount: 10_000_00 });
    const order = async () => entriesOf(await worklistOf(h), [older.id, larger.id]).map((e) => e.debtorId);
    expect(await order()).toEqual([older.id, larger.id]);

    const rules = await h.get<typeof DEFAULT_WORKLIST_RULES>('/worklist/rules');
    const changed = await h.send<{ version: number; updatedBy: string }>(
      'PUT',
      '/worklist/rules',
      { version: rules.body.version, weights: { ...rules.body.weights, perDayOverdue: 0 } },
      'manager',
    );
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);

    expect(await order()).toEqual([larger.id, older.id]);
    expect((await worklistOf(h)).rulesVersion).toBe(2);
  });

  it('refuses a controller who tries to change the worklist rules', async () => {
    h = await startCloudHarness(START);
    const answer = await h.send(
      'PUT',
      '/worklist/rules',
      { weights: DEFAULT_WORKLIST_RULES.weights },
      'controller',
    );
    expect(answer.status).toBe(403);
    expect((await h.get<{ version: number }>('/worklist/rules')).body.version).toBe(1);
  });

  it('takes a snoozed task off the list until its day', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { email: undefined });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await h.advanceDays(3);
    const [task] = await eventually(async () => {
      const tasks = await tasksOf(h, inv.id);
      expect(tasks).toHaveLength(1);
      return tasks;
    });

    const snoozed = await h.send('POST', `/tasks/${task!.id}/snooze`, {
      until: '2026-03-09',
      reason: 'Eigenaar op vakantie',
    });
    expect(snoozed.status).toBe(200);
    expect(entriesOf(await worklistOf(h), [debtor.id])[0]?.tasks).toEqual([]);

    await h.cloud.advanceTo(new Date('2026-03-09T07:00:00Z'));
    expect(entriesOf(await worklistOf(h), [debtor.id])[0]?.tasks.map((t) => t.id)).toEqual([task!.id]);
  });

  it("puts a task left open two business days past its due date on the managers' list", async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { email: undefined });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    // The first reminder on Wednesday 4 March becomes a task due that day.
    await h.advanceDays(3);
    const [task] = await eventually(async () => {
      const tasks = await tasksOf(h, inv.id);
      expect(tasks).toHaveLength(1);
      return tasks;
    });
    const managers = async () =>
      (await worklistOf(h, 'manager')).managerTasks?.filter((t) => t.id === task!.id);
    await h.cloud.advanceTo(new Date('2026-03-05T12:00:00Z'));
    expect(await managers()).toEqual([]);
    expect((await worklistOf(h)).managerTasks).toBeUndefined();

    await h.cloud.advanceTo(new Date('2026-03-06T12:00:00Z'));
    expect(await managers()).toEqual([
      expect.objectContaining({ id: task!.id, why: expect.stringContaining('unhandled') }),
    ]);
  });

  it('closes the open tasks of an invoice once it is paid', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { email: undefined });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await h.advanceDays(3);
    await eventually(async () => expect(await tasksOf(h, inv.id)).toHaveLength(1));

    expect((await h.post(payment(inv.id, 1_250_00))).status).toBe(200);
    expect(await tasksOf(h, inv.id)).toEqual([]);
    const view = await h.get<{ timeline: { type: string; summary: string }[] }>(
      `/invoices/${inv.id}?lang=en`,
    );
    expect(view.body.timeline).toContainEqual(
      expect.objectContaining({ type: 'task_closed', summary: 'Task closed: the invoice is paid' }),
    );
  });

  it('accepts only the outcomes that fit the kind of task', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, { email: undefined });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await h.advanceDays(3);
    const [task] = await eventually(async () => {
      const tasks = await tasksOf(h, inv.id);
      expect(tasks).toHaveLength(1);
      return tasks;
    });

    const refused = await h.send<{ error: { issues: { path: string }[] } }>(
      'POST',
      `/tasks/${task!.id}/outcome`,
      {
        outcome: 'no_answer',
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i) => i.path)).toEqual(['outcome']);
    const done = await h.send('POST', `/tasks/${task!.id}/outcome`, {
      outcome: 'letter_posted',
      note: 'Per post verstuurd',
    });
    expect(done.status).toBe(200);
  });
});
