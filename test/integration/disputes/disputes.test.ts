import { afterEach, describe, expect, it } from 'vitest';
import { creditNoteCreated } from '../../../local/invoicing/invoicing-events';
import { type CloudHarness, eventually, startCloudHarness } from '../workflow/local-cloud-harness';
import {
  advanceTo,
  businessDebtor,
  emailsTo,
  invoice,
  invoiceView,
  MARCH_DUE as DUE,
  MARCH_START as START,
  statesEntered,
  tasksOf,
} from '../workflow/scenario';

interface DisputeBody {
  id: string;
  invoiceId: string;
  cause: string;
  amount: number;
  status: string;
  respondBy: string;
}

interface DisputeList {
  disputes: (DisputeBody & { ageDays: number })[];
}

async function dispute(h: CloudHarness, invoiceId: string, body: unknown) {
  return h.send<DisputeBody>('POST', `/invoices/${invoiceId}/disputes`, body);
}

async function resolve(
  h: CloudHarness,
  disputeId: string,
  body: unknown,
  group: 'controller' | 'manager' = 'manager',
) {
  return h.send<DisputeBody>('POST', `/disputes/${disputeId}/resolution`, body, group);
}

describe('disputes', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('pauses the dunning while a dispute is open and resumes it at the next step with an email when the dispute is rejected', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    const raised = await dispute(h, inv.id, {
      cause: 'quantity',
      note: 'Twee dozen te weinig geleverd',
      documents: ['https://files.example/pakbon-123.pdf'],
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      invoiceId: inv.id,
      cause: 'quantity',
      amount: 1_250_00,
      status: 'open',
      respondBy: '2026-03-16',
    });
    const paused = await invoiceView(h, inv.id);
    expect(paused.dunning).toMatchObject({ status: 'paused', pausedFor: 'dispute' });
    const notice = h.cloud
      .notifications()
      .find((m) => m.topicName === 'disputes' && m.message.includes(inv.id));
    expect(notice?.messageAttributes).toMatchObject({
      cause: { dataType: 'String', stringValue: 'quantity' },
    });

    // The firm reminder was due on the 15th: nothing goes out while the dispute is open.
    await advanceTo(h, '2026-03-16T04:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    const rejected = await resolve(h, raised.body.id, {
      outcome: 'rejected',
      note: 'Geleverd volgens de vrachtbrief',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    await advanceTo(h, '2026-03-16T12:00:00Z');
    const view = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.dunning?.lastStep?.slot).toBe('secondReminder');
      return current;
    });
    // The friendly reminder is not sent again: the new execution starts at the firm reminder.
    const emails = await emailsTo(h, debtor.email);
    expect(emails).toHaveLength(3);
    expect(emails[1]?.subject).toContain(`factuur ${inv.number}`);
    expect(
      view.timeline.some((e) => e.type === 'email_sent' && e.details?.disputeId === raised.body.id),
    ).toBe(true);
    expect((await statesEntered(h, view.dunning?.execution ?? '')).slice(0, 5)).toEqual([
      'WaitUntilFirstReminder',
      'SendFirstReminder',
      'ResumeAtStep',
      'WaitUntilSecondReminder',
      'SendSecondReminder',
    ]);
    expect(view.timeline.some((e) => e.type === 'dispute_resolved')).toBe(true);
    expect((await h.get<DisputeList>('/disputes?status=open')).body.disputes).toEqual([]);
  });

  it('keeps a credited dispute paused until the clearing credit note settles the invoice', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE, totalAmount: 1_250_00 });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    const raised = await dispute(h, inv.id, {
      cause: 'duplicate_invoice',
      note: 'Al betaald onder F2025-0007',
    });

    const credited = await resolve(h, raised.body.id, { outcome: 'credited', note: 'Dubbel gefactureerd' });
    expect(credited.status).toBe(200);
    expect(credited.body.status).toBe('awaiting_credit_note');

    await advanceTo(h, '2026-03-17T12:00:00Z');
    expect((await invoiceView(h, inv.id)).dunning).toMatchObject({ status: 'paused', pausedFor: 'dispute' });
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);

    expect((await h.post(creditNoteCreated({ invoiceId: inv.id, amount: 1_250_00 }))).status).toBe(200);
    const settled = await eventually(async () => {
      const current = await invoiceView(h, inv.id);
      expect(current.timeline.some((e) => e.type === 'dispute_closed')).toBe(true);
      return current;
    });
    expect(settled).toMatchObject({ status: 'paid', openAmount: 0 });
    await advanceTo(h, '2026-04-10T12:00:00Z');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    // The dispute waited for a credit and was not forgotten: no manager's task for it.
    expect(await tasksOf(h, inv.id)).toEqual([]);
  });

  it('puts a dispute still open disputeSlaDays after it was raised on a manager list, and lists it by age', async () => {
    h = await startCloudHarness(START, { dailySweep: true });
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    await advanceTo(h, '2026-03-06T05:30:00Z');
    const raised = await dispute(h, inv.id, { cause: 'quality', note: 'Producten beschadigd aangekomen' });

    await advanceTo(h, '2026-03-15T12:00:00Z');
    expect(await tasksOf(h, inv.id)).toEqual([]);

    await advanceTo(h, '2026-03-16T12:00:00Z');
    const tasks = await eventually(async () => {
      const found = await tasksOf(h, inv.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(tasks[0]).toMatchObject({ kind: 'overdue_dispute', forRole: 'manager' });
    const listed = (await h.get<DisputeList>('/disputes?status=open')).body.disputes;
    expect(listed).toEqual([expect.objectContaining({ id: raised.body.id, ageDays: 10 })]);

    await advanceTo(h, '2026-03-18T12:00:00Z');
    expect(await tasksOf(h, inv.id)).toHaveLength(1);
  });

  it('pauses on the call outcome disputed instead of escalating to the account manager', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h, {
      accountManager: { name: 'Sanne de Vries', email: 'sanne@creditor.example' },
    });
    const inv = await invoice(h, debtor.id, { dueDate: DUE });
    // The call of day 21, Sunday 22 March, falls on the next working day, Monday 23 March.
    await h.advanceDays(22);
    const call = await eventually(async () => {
      const found = (await tasksOf(h, inv.id)).find((t) => t.kind === 'call');
      expect(found).toBeDefined();
      return found!;
    });

    const outcome = await h.send<{ workflowResumed: boolean; dispute: DisputeBody }>(
      'POST',
      `/tasks/${call.id}/outcome`,
      { outcome: 'disputed', cause: 'price', note: 'Prijs wijkt af van de offerte' },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.body.workflowResumed).toBe(false);
    expect(outcome.body.dispute).toMatchObject({ invoiceId: inv.id, cause: 'price', status: 'open' });

    // The account manager was due on day 30 (31 March).
    await h.advanceDays(10);
    const view = await invoiceView(h, inv.id);
    expect(view.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'dispute',
      executionStatus: 'ABORTED',
    });
    expect(await statesEntered(h, view.dunning?.execution ?? '')).not.toContain('EscalateToAccountManager');
    expect(h.cloud.notifications().some((m) => m.topicName === 'account-managers')).toBe(false);
  });
});
