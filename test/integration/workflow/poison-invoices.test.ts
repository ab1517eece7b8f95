import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '../../../functions/shared/observability';
import { type CloudHarness, eventually, startCloudHarness } from './local-cloud-harness';
import { businessDebtor, emailsTo, invoice, invoiceView, sweep } from './scenario';

// Monday 2 March 2026, 06:00 in Amsterdam: the invoice due on Friday 27 February gets its first
// reminder that Monday at 09:00, and every restored execution tries it again the day it is
// restored, at 09:00. The three restores fall on Tuesday to Thursday: a restore on a weekend would
// try again only on the Monday.
const START = new Date('2026-03-02T05:00:00Z');
const RESTORE_LIMIT = 3;

interface SweepReport {
  started: number;
  restored: number;
  untouched: number;
  needsAttention: string[];
  failed: unknown[];
}

interface TaskList {
  tasks: { id: string; kind: string; invoiceId: string }[];
}

interface HeldView {
  dunning: {
    status: string;
    executionStatus: string;
    attention: { slot: string; restores: number; taskId: string } | null;
  } | null;
}

describe('a step that fails every time holds the invoice for a controller', () => {
  let h: CloudHarness;
  beforeEach(async () => {
    h = await startCloudHarness(START, { sesFaultProxy: true });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.stop();
  });

  it('stops restoring a poison invoice after the restore limit, with one task and one alarm metric, until a controller restarts it', async () => {
    const counted = vi.spyOn(metrics, 'addMetric');
    const debtor = await businessDebtor(h);
    const inv = await invoice(h, debtor.id, { dueDate: '2026-02-27' });
    // SES refuses this debtor's letters for good: the letter step throws through all its retries.
    h.cloud.sesFaults?.failAlways({
      status: 400,
      errorType: 'MessageRejected',
      message: 'Email address is not verified.',
    });
    await h.advanceDays(1);
    await eventually(async () =>
      expect((await invoiceView(h, inv.id)).dunning?.executionStatus).toBe('FAILED'),
    );

    const reports: SweepReport[] = [];
    for (let day = 0; day < RESTORE_LIMIT + 3; day++) {
      reports.push((await sweep(h)) as unknown as SweepReport);
      await h.advanceDays(1);
    }

    expect(reports.map((r) => r.restored)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(reports.map((r) => r.needsAttention)).toEqual([[], [], [], [inv.id], [], []]);
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    const held = (await h.get<HeldView>(`/invoices/${inv.id}`)).body;
    expect(held.dunning).toMatchObject({
      status: 'needs_attention',
      executionStatus: 'FAILED',
      attention: { slot: 'firstReminder', restores: RESTORE_LIMIT },
    });
    const tasks = (await h.get<TaskList>('/tasks')).body.tasks.filter((t) => t.invoiceId === inv.id);
    expect(tasks).toEqual([expect.objectContaining({ kind: 'dunning_needs_attention' })]);
    const emitted = counted.mock.calls.filter(([name]) => name === 'DunningNeedsAttention');
    expect(emitted).toEqual([['DunningNeedsAttention', 'Count', 1]]);
    expect(await emailsTo(h, debtor.email)).toHaveLength(0);

    // The address is fixed; a controller restarts the dunning, and the reminder goes out.
    h.cloud.sesFaults?.recover();
    const refused = await h.send('POST', `/invoices/${inv.id}/dunning/restart`, {});
    expect(refused.status).toBe(400);
    const restart = await h.send<{ resumeAt: string; closedTaskId: string }>(
      'POST',
      `/invoices/${inv.id}/dunning/restart`,
      { reason: 'SES address verified' },
    );
    expect(restart.status).toBe(200);
    expect(restart.body).toMatchObject({ resumeAt: 'firstReminder', closedTaskId: tasks[0]?.id });
    const again = await h.send<{ error: { code: string } }>('POST', `/invoices/${inv.id}/dunning/restart`, {
      reason: 'twice',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('dunning_running');

    await h.advanceDays(1);
    await eventually(async () => expect(await emailsTo(h, debtor.email)).toHaveLength(1));
    const running = await invoiceView(h, inv.id);
    expect(running.dunning?.status).toBe('running');
    expect(running.dunning?.lastStep?.slot).toBe('firstReminder');
    expect((await h.get<TaskList>('/tasks')).body.tasks.filter((t) => t.invoiceId === inv.id)).toEqual([]);
  });
});
