import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../../functions/use-cases/refusal';
import {
  deferWhileSendingPaused,
  sendingSetting,
  setSending,
} from '../../../functions/use-cases/settings/sending-setting';
import { SendingPausedError, StepDeferredError } from '../../../functions/use-cases/steps/step-deferred';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const NOW = new Date('2026-03-02T05:00:00Z');

describe('the global sending switch', () => {
  it('runs until an admin ever pauses it', async () => {
    const store = new InMemoryCreditStore();
    expect(await sendingSetting(store)).toEqual({ paused: false, reason: '', version: 0 });
    await expect(deferWhileSendingPaused(store)).resolves.toBeUndefined();
  });

  it('defers every step to the next day while paused, and keeps who paused, when and why', async () => {
    const store = new InMemoryCreditStore();
    await setSending(store, { paused: true, reason: 'billing error' }, 'admin-sub', NOW);

    expect(await sendingSetting(store)).toEqual({
      paused: true,
      reason: 'billing error',
      version: 1,
      updatedAt: NOW.toISOString(),
      updatedBy: 'admin-sub',
    });
    await expect(deferWhileSendingPaused(store)).rejects.toThrow(StepDeferredError);

    await setSending(store, { paused: false, reason: 'fixed' }, 'admin-sub', NOW);
    await expect(deferWhileSendingPaused(store)).resolves.toBeUndefined();
  });

  it('refuses a change made over a colleague’s at the same moment with 409', async () => {
    const store = new InMemoryCreditStore();
    const racing = {
      getSendingSetting: () => store.getSendingSetting(),
      putSendingSetting: async (...args: Parameters<InMemoryCreditStore['putSendingSetting']>) => {
        await store.putSendingSetting({ ...args[0], reason: 'the colleague' }, args[1]);
        return store.putSendingSetting(args[0], args[1]);
      },
    };

    const refusal = await setSending(racing, { paused: true, reason: 'mine' }, 'admin-sub', NOW).catch(
      (error: unknown) => error,
    );

    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal).toMatchObject({ kind: 'conflict' });
    expect(await store.getSendingSetting()).toMatchObject({ reason: 'the colleague' });
  });

  it('defers under its own name, which every task state retries daily for a year before anything else', async () => {
    const store = new InMemoryCreditStore();
    await setSending(store, { paused: true, reason: 'billing error' }, 'admin-sub', NOW);
    const deferral = await deferWhileSendingPaused(store).catch((error: unknown) => error);
    expect(deferral).toBeInstanceOf(SendingPausedError);
    expect(deferral).toMatchObject({ name: 'SendingPausedError' });

    const asl = JSON.parse(
      readFileSync(new URL('../../../statemachines/dunning.asl.json', import.meta.url), 'utf8'),
    ) as {
      States: Record<string, { Type: string; Retry?: { ErrorEquals: string[]; [k: string]: unknown }[] }>;
    };
    // Every step's task; RecordUnansweredCall sends nothing and only notes the call window's end.
    const tasks = Object.entries(asl.States).filter(
      ([name, state]) => state.Type === 'Task' && name !== 'RecordUnansweredCall',
    );
    expect(tasks).toHaveLength(6);
    for (const [, state] of tasks) {
      expect(state.Retry?.[0]).toEqual({
        ErrorEquals: ['SendingPausedError'],
        IntervalSeconds: 86_400,
        MaxAttempts: 366,
        BackoffRate: 1,
        JitterStrategy: 'NONE',
      });
    }
  });
});
