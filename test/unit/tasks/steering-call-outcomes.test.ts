import { describe, expect, it } from 'vitest';
import { endDuePause } from '../../../functions/use-cases/sweep/end-due-pause';
import { recordTaskOutcome } from '../../../functions/use-cases/tasks/task-outcome';
import { taskRecord } from '../../support/credit-records';
import { dunnedInvoiceWorld } from '../../support/dunned-invoice-world';

// Monday 23 March 2026, 10:00 in Amsterdam.
const START = new Date('2026-03-23T09:00:00Z');

/** An overdue invoice being dunned, with an open call task on it. */
async function world() {
  const dunned = await dunnedInvoiceWorld({ start: START, waitingTokens: ['token-1'] });
  const { store, deps, debtor, invoice } = dunned;
  const call = taskRecord({ kind: 'call', taskToken: 'token-1', invoiceId: invoice.id, debtorId: debtor.id });
  await store.commit([{ kind: 'putTask', task: call, expectedVersion: null }]);
  return {
    ...dunned,
    call,
    record: (outcome: 'plan_requested' | 'financial_trouble') =>
      recordTaskOutcome(deps, { taskId: call.id, outcome, by: 'ctl-1', note: 'Gesproken met de directeur' }),
  };
}

describe('call outcomes that steer the dunning', () => {
  it('plan_requested pauses the dunning until seven days on, with a controller task to set up the plan', async () => {
    const w = await world();

    const result = await w.record('plan_requested');

    expect(result.workflowResumed).toBe(false);
    expect(w.workflow.completed).toEqual([]);
    expect(result.planRequest).toEqual({ taskId: expect.any(String), pausedUntil: '2026-03-30' });
    const invoice = await w.store.getInvoice(w.invoice.id);
    expect(invoice?.dunning).toMatchObject({
      status: 'paused',
      pausedFor: 'plan_requested',
      pausedUntil: '2026-03-30',
      pauseRef: result.planRequest?.taskId,
    });
    const planTask = await w.store.getTask(result.planRequest?.taskId ?? '');
    expect(planTask).toMatchObject({ kind: 'set_up_payment_plan', status: 'open', invoiceId: w.invoice.id });
    expect(planTask).not.toHaveProperty('forRole');
    expect(await w.store.getTask(w.call.id)).toMatchObject({ status: 'closed' });
  });

  it('plan_requested: the sweep resumes the dunning on the seventh day, not before', async () => {
    const w = await world();
    await w.record('plan_requested');

    w.laterDays(6);
    const sixth = (await w.store.getInvoice(w.invoice.id))!;
    expect(await endDuePause(w.deps, sixth, '2026-03-29')).toBe('untouched');

    w.laterDays(1);
    const seventh = (await w.store.getInvoice(w.invoice.id))!;
    expect(await endDuePause(w.deps, seventh, '2026-03-30')).toBe('resumed');
    expect((await w.store.getInvoice(w.invoice.id))?.dunning?.status).toBe('running');
  });

  it('financial_trouble tells the account manager, asks a manager, and lets the dunning go on', async () => {
    const w = await world();

    const result = await w.record('financial_trouble');

    expect(w.published).toEqual([
      expect.objectContaining({
        topic: 'account-managers',
        attributes: expect.objectContaining({ kind: 'financial_trouble', debtorId: w.invoice.debtorId }),
      }),
    ]);
    expect(result.workflowResumed).toBe(true);
    expect(w.workflow.completed).toEqual([
      expect.objectContaining({
        output: expect.objectContaining({
          outcome: expect.objectContaining({ callOutcome: 'financial_trouble' }),
        }),
      }),
    ]);
    expect(await w.store.getTask(result.specialManagementTaskId ?? '')).toMatchObject({
      kind: 'consider_special_management',
      forRole: 'manager',
      status: 'open',
    });
    expect((await w.store.getInvoice(w.invoice.id))?.dunning?.status).toBe('running');
  });
});
