import { describe, expect, it } from 'vitest';
import type { PauseReason } from '../../../functions/core/dunning/dunning-pause';
import type { DunningState } from '../../../functions/core/dunning/dunning-state';
import {
  waitingAction,
  waitingUntil,
  type WaitingFacts,
} from '../../../functions/core/worklist/waiting-debtor';

const TODAY = '2026-03-23';

function dunning(status: DunningState['status'], pause?: { for: PauseReason; until?: string }): DunningState {
  return {
    status,
    policyId: 'business-standard',
    policyVersion: 1,
    segmentReason: 'standard',
    execution: 'inv-1--1',
    attempt: 1,
    schedule: {} as DunningState['schedule'],
    callWindowSeconds: 0,
    ...(pause ? { pausedFor: pause.for, ...(pause.until ? { pausedUntil: pause.until } : {}) } : {}),
  };
}

const paused = (reason: PauseReason, until?: string) => ({
  dunning: dunning('paused', { for: reason, ...(until ? { until } : {}) }),
});

function facts(changes: Partial<WaitingFacts> = {}): WaitingFacts {
  return {
    today: TODAY,
    overdueInvoices: [paused('promise', '2026-03-30')],
    tasks: [],
    overdueDisputes: 0,
    ...changes,
  };
}

describe('a debtor whose dunning waits for what was agreed leaves the day’s list', () => {
  // Calling a debtor who promised to pay, was granted a hold or pays by a plan only repeats what
  // was agreed: the controller's day is for the debtors who need a word today.
  it('takes a debtor whose every overdue invoice waits for a promise off the list until the promise is followed up', () => {
    const waiting = waitingUntil(facts());
    expect(waiting).toEqual({ until: '2026-03-30', reason: 'promise' });
    expect(waitingAction(waiting!)).toBe(
      'promised to pay: back on the list on 30 Mar 2026, when the promise is followed up',
    );
  });

  it('brings the debtor back on the first day any of its pauses ends, a hold as a promise', () => {
    const waiting = waitingUntil(
      facts({
        overdueInvoices: [
          paused('promise', '2026-03-30'),
          paused('hold', '2026-03-26'),
          paused('payment_plan'),
        ],
      }),
    );
    expect(waiting).toEqual({ until: '2026-03-26', reason: 'hold' });
    expect(waitingAction(waiting!)).toBe('on hold: back on the list on 26 Mar 2026, when the hold ends');
  });

  it('lets a debtor on a payment plan wait with no day: a missed instalment brings it back', () => {
    const waiting = waitingUntil(facts({ overdueInvoices: [paused('payment_plan')] }));
    expect(waiting).toEqual({ reason: 'payment_plan' });
    expect(waitingAction(waiting!)).toBe(
      'pays by a payment plan: back on the list if an instalment is missed',
    );
  });

  it('brings the debtor back earlier when an open task falls due before the pause ends', () => {
    expect(waitingUntil(facts({ tasks: [{ dueDate: '2026-03-25' }] }))).toEqual({
      until: '2026-03-25',
      reason: 'task',
    });
  });

  it('keeps the debtor on the list while an overdue invoice is dunned, disputed or waits for a plan to be set up', () => {
    for (const other of [
      { dunning: dunning('running') },
      paused('dispute', '2026-04-10'),
      paused('plan_requested', '2026-03-30'),
      paused('special_management'),
      {},
    ]) {
      expect(
        waitingUntil(facts({ overdueInvoices: [paused('promise', '2026-03-30'), other] })),
      ).toBeUndefined();
    }
  });

  it('keeps the debtor on the list when a task is due today or a dispute is past its respond-by day', () => {
    expect(waitingUntil(facts({ tasks: [{ dueDate: TODAY }] }))).toBeUndefined();
    expect(waitingUntil(facts({ tasks: [{ dueDate: '2026-03-20' }] }))).toBeUndefined();
    expect(waitingUntil(facts({ overdueDisputes: 1 }))).toBeUndefined();
  });

  it('keeps the debtor on the list on the day its pause ends, and when a hold has no end', () => {
    expect(waitingUntil(facts({ overdueInvoices: [paused('promise', TODAY)] }))).toBeUndefined();
    expect(waitingUntil(facts({ overdueInvoices: [paused('hold')] }))).toBeUndefined();
  });

  it('never takes off a debtor that is on the list for its tasks only', () => {
    expect(waitingUntil(facts({ overdueInvoices: [], tasks: [{ dueDate: '2026-03-30' }] }))).toBeUndefined();
  });
});
