import { describe, expect, it } from 'vitest';
import { LAST_SLOT } from '../../../functions/core/dunning/dunning-state';
import type { InvoiceRecord } from '../../../functions/ports/credit-store';
import { restartDunning } from '../../../functions/use-cases/dunning/restart-dunning';
import { recordStep } from '../../../functions/use-cases/steps/record-step';
import { sweepDueInvoices } from '../../../functions/use-cases/sweep/due-invoice-sweep';
import { debtorRecord, invoiceRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const DAY_MS = 86_400_000;

/** One overdue invoice on the in-memory store, and a clock the test moves a day at a time. */
async function overdueInvoice(changes: Partial<InvoiceRecord> = {}) {
  const store = new InMemoryCreditStore();
  const workflow = new RecordingWorkflow();
  let now = new Date('2026-03-05T05:00:00Z');
  const debtor = debtorRecord();
  const invoice = invoiceRecord({
    debtorId: debtor.id,
    status: 'overdue',
    dueDate: '2026-03-01',
    ...changes,
  });
  await store.commit([
    { kind: 'putDebtor', debtor, expectedVersion: null },
    { kind: 'putInvoice', invoice, expectedVersion: null },
  ]);
  const deps = { store, workflow, clock: { now: () => now } };
  return {
    store,
    workflow,
    deps,
    invoice,
    nextDay: () => {
      now = new Date(now.getTime() + DAY_MS);
    },
    current: async () => (await store.getInvoice(invoice.id)) as InvoiceRecord,
    /** The invoice's execution is gone, as with a restart of the engine: neither running nor failed. */
    loseCurrent: async () => {
      const execution = (await store.getInvoice(invoice.id))?.dunning?.execution;
      workflow.started.splice(
        workflow.started.findIndex((s) => s.execution === execution),
        1,
      );
    },
    /** The invoice's execution fails, as one whose step throws every time. */
    failCurrent: async () => {
      const execution = (await store.getInvoice(invoice.id))?.dunning?.execution ?? '';
      workflow.end(execution, 'FAILED');
    },
  };
}

describe('a poison invoice is held for a controller, not retried forever', () => {
  it('stops restoring after the configured number of restores and raises one task', async () => {
    const world = await overdueInvoice();
    expect((await sweepDueInvoices(world.deps, { restoreLimit: 3 })).started).toBe(1);

    const reports = [];
    for (let day = 0; day < 6; day++) {
      await world.failCurrent();
      world.nextDay();
      reports.push(await sweepDueInvoices(world.deps, { restoreLimit: 3 }));
    }

    expect(reports.map((r) => r.restored)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(reports.map((r) => r.needsAttention)).toEqual([[], [], [], [world.invoice.id], [], []]);
    expect(reports.every((r) => r.failed.length === 0)).toBe(true);
    expect(world.workflow.started).toHaveLength(4);
    const held = await world.current();
    expect(held.status).toBe('overdue');
    expect(held.dunning).toMatchObject({
      status: 'needs_attention',
      restores: 3,
      attention: { slot: 'firstReminder', restores: 3 },
    });
    const tasks = (await world.store.listOpenTasks()).filter((t) => t.invoiceId === world.invoice.id);
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'dunning_needs_attention', id: held.dunning?.attention?.taskId }),
    ]);
  });

  it('takes the restore limit from its options: 1 holds after the first restore', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps, { restoreLimit: 1 });
    await world.failCurrent();
    expect((await sweepDueInvoices(world.deps, { restoreLimit: 1 })).restored).toBe(1);
    await world.failCurrent();
    expect((await sweepDueInvoices(world.deps, { restoreLimit: 1 })).needsAttention).toEqual([
      world.invoice.id,
    ]);
  });

  it('does not count an execution lost without failing against the limit', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps, { restoreLimit: 1 });
    await world.failCurrent();
    expect((await sweepDueInvoices(world.deps, { restoreLimit: 1 })).restored).toBe(1);
    await world.loseCurrent();

    const report = await sweepDueInvoices(world.deps, { restoreLimit: 1 });

    expect(report).toMatchObject({ restored: 1, needsAttention: [] });
    expect((await world.current()).dunning?.restores).toBe(1);
  });

  it('restarts a held dunning at the step it failed, clears its count and closes its task', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps, { restoreLimit: 0 });
    await world.failCurrent();
    await sweepDueInvoices(world.deps, { restoreLimit: 0 });
    const held = await world.current();
    const taskId = held.dunning?.attention?.taskId ?? '';

    const result = await restartDunning(world.deps, {
      invoiceId: world.invoice.id,
      by: 'controller-1',
      reason: 'email address corrected',
    });

    expect(result).toMatchObject({ resumeAt: 'firstReminder', attempt: 2, closedTaskId: taskId });
    const restarted = await world.current();
    expect(restarted.dunning?.status).toBe('running');
    expect(restarted.dunning?.restores).toBeUndefined();
    expect(restarted.dunning?.attention).toBeUndefined();
    expect(world.workflow.started.at(-1)).toMatchObject({
      execution: result.execution,
      resumeAt: 'firstReminder',
    });
    expect(await world.store.getTask(taskId)).toMatchObject({
      status: 'closed',
      outcome: { result: 'done', by: 'controller-1', note: 'email address corrected' },
    });
    const timeline = await world.store.timeline({ invoiceId: world.invoice.id });
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['dunning_needs_attention', 'task_created', 'task_closed', 'dunning_restored']),
    );
  });

  it('refuses to restart a dunning that runs, with a 409 that says so', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps);

    await expect(
      restartDunning(world.deps, { invoiceId: world.invoice.id, by: 'controller-1', reason: 'just in case' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'dunning_running' });
    await expect(
      restartDunning(world.deps, { invoiceId: 'nope', by: 'controller-1', reason: 'x' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('a dunning that ran its last step', () => {
  it('completes when the last slot is recorded, and the sweep counts it as nothing to do', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps);
    const execution = (await world.current()).dunning?.execution ?? '';

    await recordStep(
      world.deps,
      { invoiceId: world.invoice.id, execution, step: LAST_SLOT },
      { status: 'skipped', reason: 'not in policy', event: { type: 'step_skipped', summary: 'skipped' } },
    );
    world.workflow.end(execution, 'SUCCEEDED');
    world.nextDay();
    const report = await sweepDueInvoices(world.deps);

    const completed = await world.current();
    expect(completed.status).toBe('overdue');
    expect(completed.dunning?.status).toBe('completed');
    expect(report).toMatchObject({ started: 0, restored: 0, untouched: 1, needsAttention: [], failed: [] });
    const timeline = await world.store.timeline({ invoiceId: world.invoice.id });
    expect(timeline.filter((e) => e.type === 'dunning_completed')).toHaveLength(1);
  });

  it('completes a dunning recorded before the last step completed it, once, without starting anything', async () => {
    const world = await overdueInvoice();
    await sweepDueInvoices(world.deps);
    const before = await world.current();
    const dunning = before.dunning!;
    // As the last step left it before: the last slot recorded, the status still running.
    await world.store.commit([
      {
        kind: 'putInvoice',
        invoice: {
          ...before,
          version: before.version + 1,
          dunning: {
            ...dunning,
            lastStep: { slot: LAST_SLOT, status: 'skipped', at: '2026-03-05T08:00:00Z' },
          },
        },
        expectedVersion: before.version,
      },
    ]);
    world.workflow.end(dunning.execution, 'SUCCEEDED');

    const first = await sweepDueInvoices(world.deps);
    const second = await sweepDueInvoices(world.deps);

    expect(first).toMatchObject({ started: 0, restored: 0, untouched: 1, failed: [] });
    expect(second).toMatchObject({ started: 0, restored: 0, untouched: 1, failed: [] });
    expect((await world.current()).dunning?.status).toBe('completed');
    expect(world.workflow.started).toHaveLength(1);
  });
});
