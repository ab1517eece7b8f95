import { describe, expect, it } from 'vitest';
import { DUNNING_SLOTS } from '../../../functions/core/dunning/dunning-slot';
import {
  afterExecutionEnded,
  type DunningState,
  executionName,
  executionStem,
  heldForAttention,
  LAST_SLOT,
  stoppedDunning,
  withStepDone,
} from '../../../functions/core/dunning/dunning-state';

const AT = '2026-03-04T08:00:00.000Z';

function state(changes: Partial<DunningState> = {}): DunningState {
  return {
    status: 'running',
    policyId: 'business-key-account',
    policyVersion: 1,
    segmentReason: 'segment set by hand',
    execution: executionName('inv-1', 1),
    attempt: 1,
    schedule: Object.fromEntries(DUNNING_SLOTS.map((slot) => [slot, AT])) as DunningState['schedule'],
    callWindowSeconds: 5 * 86_400,
    ...changes,
  };
}

describe('execution names', () => {
  it('gives two invoices whose ids differ only in punctuation an execution name each', () => {
    expect(executionName('rp/col/0001', 1)).not.toBe(executionName('rp_col_0001', 1));
  });

  it('gives two long ids that share their first 60 characters an execution name each', () => {
    const shared = 'x'.repeat(60);
    expect(executionName(`${shared}-a`, 1)).not.toBe(executionName(`${shared}-b`, 1));
  });

  it('keeps a readable prefix of the id, within the 80 characters and the characters Step Functions accepts', () => {
    for (const id of ['rp/col/0001', 'INV 2026:001 "quoted"', 'é'.repeat(300), 'a'.repeat(200)]) {
      const name = executionName(id, 9_999);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).toMatch(/^[A-Za-z0-9_-]+--9999$/);
    }
    expect(executionName('rp/col/0001', 2)).toMatch(/^rp_col_0001-[0-9a-f]{16}--2$/);
  });

  it('names every attempt of one invoice from the same stem, and the same invoice the same way every time', () => {
    expect(executionName('inv-7', 3)).toBe(`${executionStem('inv-7')}--3`);
    expect(executionName('inv-7', 3)).toBe(executionName('inv-7', 3));
  });
});

describe('the end of a dunning', () => {
  it('completes a running dunning when the last slot of the machine is recorded', () => {
    const done = withStepDone(state(), {
      slot: LAST_SLOT,
      status: 'skipped',
      at: AT,
      reason: 'not in policy',
    });
    expect(done.status).toBe('completed');
    expect(done.lastStep?.slot).toBe(LAST_SLOT);
  });

  it('keeps a dunning running after any earlier step', () => {
    expect(withStepDone(state(), { slot: 'finalNotice', status: 'sent', at: AT }).status).toBe('running');
  });

  it('leaves a dunning stopped from outside stopped when its last task still records', () => {
    const stopped = stoppedDunning(state(), 'paid in full', true);
    expect(withStepDone(stopped, { slot: LAST_SLOT, status: 'done', at: AT }).status).toBe('stopped');
  });

  it('clears the count of failed restores once a step is done', () => {
    const moved = withStepDone(state({ restores: 2 }), { slot: 'firstReminder', status: 'sent', at: AT });
    expect(moved.restores).toBeUndefined();
  });
});

describe('restoring a dunning whose execution ended', () => {
  it('restores a failed execution, counting the restore, until the limit', () => {
    expect(afterExecutionEnded(state(), { failed: true }, 3)).toEqual({ action: 'restore', restores: 1 });
    expect(afterExecutionEnded(state({ restores: 2 }), { failed: true }, 3)).toEqual({
      action: 'restore',
      restores: 3,
    });
  });

  it('holds the dunning for a controller once the limit of restores is reached', () => {
    expect(afterExecutionEnded(state({ restores: 3 }), { failed: true }, 3)).toEqual({ action: 'hold' });
    expect(afterExecutionEnded(state(), { failed: true }, 0)).toEqual({ action: 'hold' });
  });

  it('restores an execution lost without failing without counting it', () => {
    expect(afterExecutionEnded(state({ restores: 3 }), { failed: false }, 3)).toEqual({
      action: 'restore',
      restores: 3,
    });
  });

  it('says why a held dunning waits, and forgets it once the dunning is stopped from outside', () => {
    const attention = {
      since: AT,
      slot: 'firstReminder' as const,
      restores: 3,
      execution: 'inv-1-x--4',
      taskId: 'attention--inv-1-x--4',
    };
    const held = heldForAttention(state({ restores: 3 }), attention);
    expect(held).toMatchObject({ status: 'needs_attention', attention });
    expect(held.stoppedReason).toContain('firstReminder');
    expect(stoppedDunning(held, 'paid in full', true).attention).toBeUndefined();
  });
});
