import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, sweep } from './scenario';

const START = new Date('2026-03-02T05:00:00Z');

describe('letters are sent once, and lost work is restored', () => {
  let h: CloudHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('sends one email listing both invoices when two invoices of one debtor reach the same step on the same day', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const first = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 120_00 });
    const second = await invoice(h, debtor.id, { dueDate: '2026-03-01', totalAmount: 80_50 });
    await h.advanceDays(3);

    const letters = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(1);
      return sent;
    });
    await h.advanceDays(1);
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
    expect(letters[0]?.text).toContain(first.number);
    expect(letters[0]?.text).toContain(second.number);
    for (const id of [first.id, second.id]) {
      const view = await invoiceView(h, id);
      expect(view.timeline.filter((e) => e.type === 'email_sent')).toHaveLength(1);
      expect(view.dunning?.lastStep?.slot).toBe('firstReminder');
    }
  });

  it('sends exactly one email when SES throttles twice and then recovers', async () => {
    h = await startCloudHarness(START, { sesFaultProxy: true });
    const debtor = await businessDebtor(h);
    await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    h.cloud.sesFaults?.failNext(2, {
      status: 429,
      errorType: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded.',
    });

    await h.advanceDays(4);

    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));
    expect(h.cloud.sesFaults?.forwarded).toBe(1);
  });

  it('stops the dunning when the invoice is cancelled midway', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    await h.advanceDays(3);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));

    const cancelled = await h.post({
      type: 'invoice.cancelled',
      timestamp: new Date().toISOString(),
      data: { id: inv.id },
    });
    expect(cancelled.status).toBe(200);
    await h.advanceDays(30);

    const view = await invoiceView(h, inv.id);
    expect(view.status).toBe('cancelled');
    expect(view.dunning?.executionStatus).toBe('ABORTED');
    expect(await emailsTo(h, debtor.email)).toHaveLength(1);
  });

  it('restores a killed execution at the step after the last one done, with the next sweep', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    await h.advanceDays(3);
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).dunning?.lastStep?.slot).toBe('firstReminder'),
    );
    const killed = (await invoiceView(h, inv.id)).dunning?.execution ?? '';

    await h.sfn.send(
      new StopExecutionCommand({
        executionArn: `${h.cloud.stateMachineArn.replace(':stateMachine:', ':execution:')}:${killed}`,
        cause: 'killed by hand',
      }),
    );
    const report = await sweep(h);
    expect(report.restored).toBe(1);

    const restored = await invoiceView(h, inv.id);
    expect(restored.dunning?.execution).not.toBe(killed);
    expect(restored.dunning?.executionStatus).toBe('RUNNING');
    await h.advanceDays(12);
    const letters = await eventually(async () => {
      const sent = await emailsTo(h, debtor.email);
      expect(sent).toHaveLength(2);
      return sent;
    });
    // The first reminder is not sent again; the second one follows on its own date.
    expect(letters.map((l) => l.subject)).toHaveLength(2);
    expect((await invoiceView(h, inv.id)).timeline.filter((e) => e.type === 'dunning_restored')).toHaveLength(
      1,
    );
  });

  it('records the delivery of each letter, and turns a bounced letter into a task for a controller', async () => {
    h = await startCloudHarness(START);
    const delivered = await businessDebtor(h);
    const bouncing = await businessDebtor(h, { email: 'bounce@simulator.amazonses.com' });
    const good = await invoice(h, delivered.id, { dueDate: '2026-03-01' });
    const bad = await invoice(h, bouncing.id, { dueDate: '2026-03-01' });
    await h.advanceDays(3);

    await eventually(async () => {
      const view = await invoiceView(h, good.id);
      expect(view.timeline.map((e) => e.type)).toContain('email_delivered');
    });
    const tasks = await eventually(async () => {
      const list = await h.get<{ tasks: { kind: string; invoiceId: string }[] }>('/tasks');
      const found = list.body.tasks.filter((t) => t.invoiceId === bad.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(tasks[0]?.kind).toBe('unreachable_by_email');
    expect((await invoiceView(h, bad.id)).timeline.map((e) => e.type)).toContain('email_bounced');
  });

  it('loses no dunning when the local cloud restarts on its persisted data', async () => {
    h = await startCloudHarness(START);
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-03-01' });
    await h.advanceDays(3);
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).dunning?.lastStep?.slot).toBe('firstReminder'),
    );
    const before = (await invoiceView(h, inv.id)).dunning?.execution;
    const stoppedAt = h.cloud.clock.now();
    await h.stop();

    // Same table, new processes: every execution of the first cloud is gone; the sweep at start restores.
    h = await startCloudHarness(stoppedAt, { tableName: h.cloud.tableName, dailySweep: true });
    const restored = await eventually(async () => {
      const view = await invoiceView(h, inv.id);
      expect(view.dunning?.executionStatus).toBe('RUNNING');
      return view;
    });
    expect(restored.dunning?.execution).not.toBe(before);
    await h.advanceDays(12);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(2));
  });
});
