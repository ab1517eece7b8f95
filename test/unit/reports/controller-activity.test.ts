import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ControllerDay,
  controllerFigures,
  mergeActivity,
  outcomeCounts,
  paidAfterContact,
  periodIssues,
} from '../../../functions/core/reports/controller-activity';
import type { StoreWrite } from '../../../functions/ports/credit-store';
import { controllersReport } from '../../../functions/use-cases/reports/controllers-report';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

const call = { kind: 'call' as const, dueDate: '2026-03-23' };

describe("a controller's day", () => {
  it('counts a call that got through as made and reached, one that did not as made only', () => {
    expect(outcomeCounts(call, 'promised', '2026-03-23')).toEqual({
      tasksDone: 1,
      tasksDoneOnTime: 1,
      callsMade: 1,
      callsReached: 1,
    });
    expect(outcomeCounts(call, 'no_answer', '2026-03-23')).toEqual({
      tasksDone: 1,
      tasksDoneOnTime: 1,
      callsMade: 1,
    });
  });

  it('counts a task done after its due date as done, not on time, unless it was snoozed to that day', () => {
    const task = { kind: 'broken_promise' as const, dueDate: '2026-03-23' };
    expect(outcomeCounts(task, 'done', '2026-03-24')).toEqual({ tasksDone: 1 });
    const snoozed = { ...task, snoozed: { until: '2026-03-25', reason: 'away', by: 'x', at: 'y' } };
    expect(outcomeCounts(snoozed, 'done', '2026-03-24')).toEqual({ tasksDone: 1, tasksDoneOnTime: 1 });
  });

  it('credits a payment to a contact on the day of the contact up to 14 days after it, not before it', () => {
    expect(paidAfterContact('2026-03-23', '2026-03-23')).toBe(true);
    expect(paidAfterContact('2026-03-23', '2026-04-06')).toBe(true);
    expect(paidAfterContact('2026-03-23', '2026-04-07')).toBe(false);
    expect(paidAfterContact('2026-03-23', '2026-03-22')).toBe(false);
  });

  it('names the field of a period that runs backwards or longer than 366 days', () => {
    expect(periodIssues('2026-03-31', '2026-03-01')).toEqual([
      { path: 'to', message: 'to must not be before from (2026-03-31)' },
    ]);
    expect(periodIssues('2025-01-01', '2026-01-01')).toEqual([]);
    expect(periodIssues('2025-01-01', '2026-01-02')).toHaveLength(1);
    expect(periodIssues('2025-01-01', '2025-12-31')).toEqual([]);
    expect(periodIssues('2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('merges the facts of one controller and day in one commit into one write, and keeps the last contact of a debtor', () => {
    const writes: StoreWrite[] = [
      { kind: 'countActivity', activity: { owner: 'u1', day: '2026-03-23', counts: { callsMade: 1 } } },
      { kind: 'putLastContact', contact: { debtorId: 'd1', by: 'u1', at: '2026-03-23T09:00:00Z' } },
      {
        kind: 'countActivity',
        activity: { owner: 'u1', email: 'u1@x.example', day: '2026-03-23', counts: { promisesTaken: 1 } },
      },
      { kind: 'putLastContact', contact: { debtorId: 'd1', by: 'u1', at: '2026-03-23T09:01:00Z' } },
      { kind: 'countActivity', activity: { owner: 'u2', day: '2026-03-23', counts: { callsMade: 1 } } },
    ];
    expect(mergeActivity(writes)).toEqual([
      {
        kind: 'countActivity',
        activity: {
          owner: 'u1',
          email: 'u1@x.example',
          day: '2026-03-23',
          counts: { callsMade: 1, promisesTaken: 1 },
        },
      },
      { kind: 'putLastContact', contact: { debtorId: 'd1', by: 'u1', at: '2026-03-23T09:01:00Z' } },
      { kind: 'countActivity', activity: { owner: 'u2', day: '2026-03-23', counts: { callsMade: 1 } } },
    ]);
  });
});

const fact = fc.record({
  owner: fc.constantFrom('u1', 'u2', 'u3'),
  day: fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01'),
  counter: fc.constantFrom(
    'tasksDone',
    'tasksDoneOnTime',
    'callsMade',
    'callsReached',
    'promisesTaken',
    'promisesKept',
  ),
  collected: fc.option(
    fc.record({ currency: fc.constantFrom('EUR', 'USD'), amount: fc.integer({ min: 1, max: 10_000_00 }) }),
  ),
});

describe('GET /reports/controllers', () => {
  it('reports what a brute-force count of every fact in the period gives, whatever the commits they came in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fact, { maxLength: 4 }), { maxLength: 12 }), async (commits) => {
        const store = new InMemoryCreditStore();
        for (const facts of commits) {
          await store.commit(
            facts.map((f): StoreWrite => ({
              kind: 'countActivity',
              activity: {
                owner: f.owner,
                day: f.day,
                counts: {
                  [f.counter]: 1,
                  ...(f.collected ? { collected: { [f.collected.currency]: f.collected.amount } } : {}),
                },
              },
            })),
          );
        }
        const report = await controllersReport(store, { from: '2026-03-01', to: '2026-03-31' });

        const inPeriod = commits.flat().filter((f) => f.day >= '2026-03-01' && f.day <= '2026-03-31');
        const owners = [...new Set(inPeriod.map((f) => f.owner))].sort();
        expect(report.controllers.map((c) => c.owner.sub).sort()).toEqual(owners);
        for (const figures of report.controllers) {
          const mine = inPeriod.filter((f) => f.owner === figures.owner.sub);
          for (const counter of ['tasksDone', 'callsMade', 'promisesKept'] as const) {
            expect(figures[counter]).toBe(mine.filter((f) => f.counter === counter).length);
          }
          for (const { amount, currency } of figures.collectedAfterContact) {
            const expected = mine
              .filter((f) => f.collected?.currency === currency)
              .reduce((sum, f) => sum + (f.collected?.amount ?? 0), 0);
            expect(amount).toBe(expected);
          }
        }
      }),
    );
  });

  it('sums the days of one controller into one row', () => {
    const days: ControllerDay[] = [
      { owner: 'u1', day: '2026-03-02', counts: { tasksDone: 2, collected: { EUR: 100 } } },
      {
        owner: 'u1',
        email: 'u1@x.example',
        day: '2026-03-03',
        counts: { tasksDone: 1, collected: { EUR: 50 } },
      },
    ];
    expect(controllerFigures(days)).toEqual([
      {
        owner: { sub: 'u1', email: 'u1@x.example' },
        tasksDone: 3,
        tasksDoneOnTime: 0,
        callsMade: 0,
        callsReached: 0,
        promisesTaken: 0,
        promisesKept: 0,
        collectedAfterContact: [{ amount: 150, currency: 'EUR' }],
      },
    ]);
  });
});
