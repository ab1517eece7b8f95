import { describe, expect, it } from 'vitest';
import { ConcurrentModificationError } from '../../../functions/ports/credit-store';
import { recordTaskOutcome } from '../../../functions/use-cases/tasks/task-outcome';
import { taskRecord } from '../../support/credit-records';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';
import { RecordingWorkflow } from '../../support/recording-workflow';

const NOW = new Date('2025-03-12T14:30:00Z');

/** A controller's task list on the in-memory store: one open call task the workflow waits for. */
async function callTask(options: { workflowWaits: boolean }) {
  const store = new InMemoryCreditStore();
  const task = taskRecord({ kind: 'call', taskToken: 'token-1', execution: 'inv-1--1' });
  await store.commit([{ kind: 'putTask', task, expectedVersion: null }]);
  const workflow = new RecordingWorkflow(new Set(options.workflowWaits ? ['token-1'] : []));
  const deps = { store, workflow, clock: { now: () => NOW } };
  return {
    store,
    workflow,
    task,
    record: (by: string, outcome: 'no_answer' | 'reached' = 'reached') =>
      recordTaskOutcome(deps, { taskId: task.id, outcome, by }),
  };
}

describe('the outcome of a call task', () => {
  it('closes the task with who called and what came of it, and lets the waiting dunning go on', async () => {
    const world = await callTask({ workflowWaits: true });

    const result = await world.record('controller-1');

    expect(result.workflowResumed).toBe(true);
    expect(result.task).not.toHaveProperty('taskToken');
    expect(await world.store.getTask(world.task.id)).toMatchObject({
      status: 'closed',
      outcome: { result: 'reached', by: 'controller-1', at: NOW.toISOString() },
      version: 2,
    });
    expect(await world.store.timeline({ invoiceId: world.task.invoiceId })).toEqual([
      expect.objectContaining({ type: 'task_closed', actor: 'user:controller-1' }),
    ]);
    expect(world.workflow.completed).toEqual([
      {
        taskToken: 'token-1',
        output: { step: 'call', outcome: { status: 'done', callOutcome: 'reached', taskId: world.task.id } },
      },
    ]);
  });

  it('is still recorded when the dunning no longer waits for it (the invoice was paid meanwhile)', async () => {
    const world = await callTask({ workflowWaits: false });

    const result = await world.record('controller-1', 'no_answer');

    expect(result.workflowResumed).toBe(false);
    expect(await world.store.getTask(world.task.id)).toMatchObject({ status: 'closed' });
  });

  it('is refused for a task that is closed already', async () => {
    const world = await callTask({ workflowWaits: true });
    await world.record('controller-1');

    await expect(world.record('controller-2')).rejects.toThrow(`Task ${world.task.id} was closed on`);
    expect(await world.store.getTask(world.task.id)).toMatchObject({ outcome: { by: 'controller-1' } });
  });

  it('is recorded once when two controllers record one at the same moment: the other must re-read', async () => {
    const world = await callTask({ workflowWaits: true });

    const [first, second] = await Promise.allSettled([
      world.record('controller-1'),
      world.record('controller-2'),
    ]);

    expect(first.status).toBe('fulfilled');
    expect(second).toEqual({ status: 'rejected', reason: expect.any(ConcurrentModificationError) });
    expect(await world.store.timeline({ invoiceId: world.task.invoiceId })).toHaveLength(1);
    expect(world.workflow.completed).toHaveLength(1);
  });
});
