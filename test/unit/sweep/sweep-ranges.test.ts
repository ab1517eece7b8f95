import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  finishSweep,
  planSweep,
  SWEEP_WORKERS,
  sweepRange,
  type RangeItem,
} from '../../../functions/use-cases/sweep/sweep-ranges';
import { startPace } from '../../../functions/use-cases/sweep/start-pace';
import { PROJECT_ROOT } from '../../../lib/project-root';
import { RecordingWorkflow } from '../../support/recording-workflow';
import { dueInvoices, dyingAfter, executionsPerInvoice, fannedOut, OPTIONS } from './fanned-out-world';

describe('the fanned-out daily sweep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('cuts the due-invoice index into ranges and starts every due invoice once', async () => {
    const world = await dueInvoices(12);

    const { plan, reports, finish } = await fannedOut(world.deps);

    expect(plan.ranges.map((item) => item.range)).toEqual([0, 1, 2]);
    expect(plan.invoices).toBe(12);
    expect(reports.reduce((sum, report) => sum + report.started, 0)).toBe(12);
    expect(finish).toEqual({ complete: true, ranges: 3, unfinished: [] });
    expect(executionsPerInvoice(world)).toEqual(world.ids.map(() => 1));
    expect(await world.store.getSweepRun('2026-03-05')).toMatchObject({ complete: true, pages: 7 });
  });

  it('a sweep that dies halfway and runs again starts nothing twice', async () => {
    const world = await dueInvoices(23);

    const first = await fannedOut({ ...world.deps, store: dyingAfter(world.store, 3) }, OPTIONS, 2);
    expect(first.died).toBe(true);
    const startedBefore = world.workflow.started.length;
    expect(startedBefore).toBeGreaterThan(0);
    expect(startedBefore).toBeLessThan(23);

    const again = await fannedOut(world.deps, OPTIONS, 2);

    expect(again.plan.continued).toBe(true);
    expect(again.plan.ranges).toHaveLength(first.plan.ranges.length);
    expect(again.finish?.complete).toBe(true);
    expect(executionsPerInvoice(world)).toEqual(world.ids.map(() => 1));
  });

  it('names to its ranges the executions that say running but do not run, and restores only those', async () => {
    const world = await dueInvoices(12);
    await fannedOut(world.deps);
    const failed = world.workflow.startedFor(world.ids[7] as string)[0]?.execution as string;
    world.workflow.end(failed, 'FAILED');
    const describe = vi.spyOn(world.workflow, 'describe');

    // The next morning: the index is cut again, and one range carries the failed execution.
    const nextDay = { ...world.deps, clock: { now: () => new Date('2026-03-06T05:00:00Z') } };
    const { plan, reports, finish } = await fannedOut(nextDay);

    expect(plan.ranges.flatMap((item) => item.suspects ?? [])).toEqual([failed]);
    expect(reports.reduce((sum, report) => sum + report.restored, 0)).toBe(1);
    expect(reports.reduce((sum, report) => sum + report.untouched, 0)).toBe(11);
    expect(describe.mock.calls.map(([name]) => name)).toEqual([failed]);
    expect(finish?.complete).toBe(true);
  });

  it('has each worker list the running executions itself when more than a thousand are suspect', async () => {
    const world = await dueInvoices(1_001);
    await fannedOut(world.deps, { ...OPTIONS, pageSize: 200, rangeSize: 500 });
    // Every execution lost at once (an engine that restarted): none runs, all say running.
    const lost = { ...world.deps, workflow: new RecordingWorkflow() };
    const nextDay = { ...lost, clock: { now: () => new Date('2026-03-06T05:00:00Z') } };

    const plan = await planSweep(nextDay, { ...OPTIONS, pageSize: 200, rangeSize: 500 });

    expect(plan.ranges).toEqual(plan.ranges.map((_, range) => ({ range, listRunning: true })));
    expect(await sweepRange(nextDay, OPTIONS, plan.ranges[0] as RangeItem)).toMatchObject({ restored: 500 });
  });

  it('leaves the run unfinished while a range is not done, and names the range', async () => {
    const world = await dueInvoices(12);
    const plan = await planSweep(world.deps, OPTIONS);
    for (const item of plan.ranges.slice(0, 2)) await sweepRange(world.deps, OPTIONS, item);

    expect(await finishSweep(world.deps)).toEqual({ complete: false, ranges: 3, unfinished: [2] });
    expect(await world.store.getSweepRun('2026-03-05')).toMatchObject({ complete: false });
  });

  it('ends a range slice before a page when the time runs short, and the next slice goes on', async () => {
    const world = await dueInvoices(5);
    const plan = await planSweep(world.deps, OPTIONS);
    const item = plan.ranges[0] as RangeItem;

    const first = await sweepRange(world.deps, OPTIONS, item, { mayBeginPage: () => false });
    const second = await sweepRange(world.deps, OPTIONS, item);

    expect(first).toMatchObject({ pages: 1, complete: false, started: 2 });
    expect(second).toMatchObject({ pages: 2, complete: true, started: 3, continued: true });
  });

  it('runs as many ranges at once as the state machine, whose workers share the start rate', () => {
    const asl = JSON.parse(readFileSync(join(PROJECT_ROOT, 'statemachines', 'daily-sweep.asl.json'), 'utf8'));
    expect(asl.States.SweepRanges.MaxConcurrency).toBe(SWEEP_WORKERS);
  });

  it('paces calls at most so many a second after a first burst', async () => {
    vi.useFakeTimers();
    let now = 0;
    const pace = startPace(4, () => now);
    const times: number[] = [];
    const take = async () => {
      await pace();
      times.push(now);
    };
    const all = Promise.all(Array.from({ length: 6 }, take));
    for (let i = 0; i < 10 && times.length < 6; i++) {
      await vi.advanceTimersByTimeAsync(250);
      now += 250;
    }
    await all;

    expect(times.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(times[4]).toBeGreaterThanOrEqual(250);
    expect(times[5]).toBeGreaterThanOrEqual(500);
  });
});
