import { addDays, type CalendarDate } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import {
  ConcurrentModificationError,
  type InvoiceRecord,
  type SweepRange,
  type SweepRun,
} from '../../ports/credit-store';
import type { DunningDeps } from '../dunning/start-dunning';
import { atMostAtOnce } from './at-most-at-once';
import {
  DEFAULT_SWEEP_CONCURRENCY,
  DEFAULT_SWEEP_PAGE_SIZE,
  emptyReport,
  type RunningExecutions,
  type SweepOptions,
  type SweepReport,
  type SweepSlice,
  sweepInvoice,
  watchClaimsAtAgency,
} from './due-invoice-sweep';
import { beginRun, recordPage } from './sweep-run';

/** Invoices per range: one item of the state machine's Map, one worker's share of the index. */
export const DEFAULT_RANGE_SIZE = 2_000;
/**
 * The plan reads the index in pages of this many invoices (DynamoDB stops earlier at 1 MB), or of
 * a range when ranges are smaller: a range is cut at the end of a page.
 */
const PLAN_PAGE_SIZE = 1_000;
/**
 * Ranges swept at once: the Map's MaxConcurrency in statemachines/daily-sweep.asl.json. Each
 * worker starts executions at this share of the sweep's rate, so that together they keep to it.
 */
export const SWEEP_WORKERS = 8;
/**
 * Suspect executions handed on to the workers in all (at most 80 characters each): the Map's
 * input stays far below Step Functions' 256 KB. Beyond, each worker lists the running ones itself.
 */
const MAX_SUSPECTS = 1_000;

export interface RangeOptions extends SweepOptions {
  /** Invoices per range of the index (DEFAULT_RANGE_SIZE). */
  rangeSize?: number;
}

/** One item of the Map: a range of the day's run, and what the plan found of its executions. */
export interface RangeItem {
  range: number;
  /** Executions of the range's invoices that say running but were not listed as running. */
  suspects?: string[];
  /** More suspects than could be handed on: the worker lists the running executions itself. */
  listRunning?: true;
}

export interface SweepPlan {
  day: CalendarDate;
  /** The run of the day the ranges belong to. */
  run: number;
  /** The plan went on with a run that had not finished: its ranges, and their checkpoints, stay. */
  continued: boolean;
  /** Due invoices the plan read. */
  invoices: number;
  ranges: RangeItem[];
  /** Claims at the agency whose lapse could not be checked (once per run, before the ranges). */
  failed: SweepReport['failed'];
}

/**
 * The first step of the fanned-out daily sweep: what ran before the first page of a sequential
 * run (the money review and the rest, the claims at the agency) once per run, then one pass over
 * the due-invoice index that cuts it into ranges of `rangeSize` invoices and lists the running
 * executions once for them all. A worker per range (sweepRange) then starts what fell due.
 *
 * The pass reads each invoice once and writes nothing but the run: a run that goes on after a
 * death keeps the ranges it was cut into, so that each range's checkpoint still means what it
 * meant; only the suspects are found again. A range cut before an invoice left the index simply
 * holds one fewer; one that came in after the cut is in whichever range its place falls.
 */
export async function planSweep(
  deps: DunningDeps,
  options: RangeOptions,
  slice: Pick<SweepSlice, 'beforeFirstPage'> = {},
): Promise<SweepPlan> {
  const report = emptyReport();
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  let run = await deps.store.getSweepRun(today);
  const continued = run !== undefined && !run.complete;
  if (!run || run.complete) {
    await slice.beforeFirstPage?.();
    await watchClaimsAtAgency(deps, today, report);
    run = await beginRun(deps, today, run);
  }
  const running = await deps.workflow.running();
  const read = await readIndex(deps, today, running, options.rangeSize ?? DEFAULT_RANGE_SIZE);
  const ranges = run.ranges ?? (await keepRanges(deps, run, read.ranges));
  return {
    day: today,
    run: run.run,
    continued,
    invoices: read.invoices,
    ranges: itemsOf(ranges, read.suspects),
    failed: report.failed,
  };
}

/**
 * One worker of the fanned-out sweep: the invoices of its range, a page at a time from the
 * range's checkpoint, until the range is done or the caller says stop (a Lambda near its
 * timeout). An invoice is taken as running unless the plan named its execution a suspect.
 */
export async function sweepRange(
  deps: DunningDeps,
  options: SweepOptions,
  item: RangeItem,
  slice: SweepSlice = {},
): Promise<SweepReport> {
  const report = emptyReport();
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const run = await deps.store.getSweepRun(today);
  const range = run?.ranges?.[item.range];
  if (!run || !range) throw new Error(`the sweep of ${today} has no range ${item.range}: plan the run first`);
  let part = await partOf(deps, run, item.range);
  report.continued = part.pages > 0;
  const running: RunningExecutions = item.listRunning
    ? await deps.workflow.running()
    : allBut(new Set(item.suspects ?? []));
  const pageSize = options.pageSize ?? DEFAULT_SWEEP_PAGE_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_SWEEP_CONCURRENCY;

  while (!part.complete) {
    const cursor = part.cursor ?? range.cursor;
    const page = await deps.store.pageOpenInvoicesDueBy(addDays(today, -1), {
      limit: pageSize,
      ...(cursor === undefined ? {} : { cursor }),
    });
    const mine = page.items.filter((invoice) => within(range, invoice));
    const ends = page.cursor === undefined || mine.length < page.items.length || isLastOf(range, mine);
    await atMostAtOnce(mine, concurrency, (invoice) =>
      sweepInvoice(deps, { invoice, running, today, options, slice }, report),
    );
    const next = await recordPage(deps, part, ends ? undefined : page.cursor);
    if (!next) return report; // another worker of the same range moved its checkpoint on
    part = next;
    report.pages += 1;
    if (!part.complete && !(slice.mayBeginPage?.() ?? true)) break;
  }
  report.complete = part.complete;
  return report;
}

export interface SweepFinish {
  /** Every range is done: the day's run is complete. */
  complete: boolean;
  ranges: number;
  /** Ranges not done (their worker failed after its retries): a sweep run again goes on there. */
  unfinished: number[];
}

/** The last step: the run is complete when every range's checkpoint says so. */
export async function finishSweep(deps: Pick<DunningDeps, 'store' | 'clock'>): Promise<SweepFinish> {
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const run = await deps.store.getSweepRun(today);
  if (!run?.ranges) throw new Error(`the sweep of ${today} has no ranges: plan the run first`);
  const ranges = run.ranges.length;
  if (run.complete) return { complete: true, ranges, unfinished: [] };
  const parts = await Promise.all(run.ranges.map((_, i) => deps.store.getSweepRun(today, i)));
  const unfinished = parts.flatMap((part, i) => (part?.run === run.run && part.complete ? [] : [i]));
  if (unfinished.length > 0) return { complete: false, ranges, unfinished };
  const pages = parts.reduce((sum, part) => sum + (part?.pages ?? 0), 0);
  const { cursor: _none, ...rest } = run;
  try {
    await deps.store.putSweepRun(
      { ...rest, complete: true, pages, updatedAt: deps.clock.now().toISOString(), version: run.version + 1 },
      run.version,
    );
  } catch (error) {
    // Another finish of the same run came first: it found the same ranges done.
    if (!(error instanceof ConcurrentModificationError)) throw error;
  }
  return { complete: true, ranges, unfinished: [] };
}

/** Where an invoice stands in the due-invoice index: by due date, then id. */
function positionOf(invoice: InvoiceRecord): string {
  return `${invoice.dueDate}#${invoice.id}`;
}

function within(range: SweepRange, invoice: InvoiceRecord): boolean {
  return range.last === undefined || positionOf(invoice) <= range.last;
}

function isLastOf(range: SweepRange, items: readonly InvoiceRecord[]): boolean {
  const last = items.at(-1);
  return last !== undefined && positionOf(last) === range.last;
}

interface IndexRead {
  invoices: number;
  ranges: SweepRange[];
  suspects: { position: string; execution: string }[];
}

/** One pass over the index: the cut every `rangeSize` invoices, and the executions not listed as running. */
async function readIndex(
  deps: DunningDeps,
  today: CalendarDate,
  running: ReadonlySet<string>,
  rangeSize: number,
): Promise<IndexRead> {
  const read: IndexRead = { invoices: 0, ranges: [{}], suspects: [] };
  let inRange = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.pageOpenInvoicesDueBy(addDays(today, -1), {
      limit: Math.min(PLAN_PAGE_SIZE, rangeSize),
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const invoice of page.items) {
      const dunning = invoice.dunning;
      if (dunning?.status === 'running' && !running.has(dunning.execution)) {
        read.suspects.push({ position: positionOf(invoice), execution: dunning.execution });
      }
    }
    read.invoices += page.items.length;
    inRange += page.items.length;
    cursor = page.cursor;
    const last = page.items.at(-1);
    if (cursor !== undefined && last && inRange >= rangeSize) {
      (read.ranges.at(-1) as SweepRange).last = positionOf(last);
      read.ranges.push({ cursor });
      inRange = 0;
    }
  } while (cursor !== undefined);
  return read;
}

/** The ranges stored on the run; a plan that lost the race to store them takes the winner's. */
async function keepRanges(deps: DunningDeps, run: SweepRun, ranges: SweepRange[]): Promise<SweepRange[]> {
  try {
    await deps.store.putSweepRun(
      { ...run, ranges, updatedAt: deps.clock.now().toISOString(), version: run.version + 1 },
      run.version,
    );
    return ranges;
  } catch (error) {
    const stored =
      error instanceof ConcurrentModificationError ? await deps.store.getSweepRun(run.day) : undefined;
    if (stored?.run === run.run && stored.ranges) return stored.ranges;
    throw error;
  }
}

function itemsOf(ranges: readonly SweepRange[], suspects: IndexRead['suspects']): RangeItem[] {
  if (suspects.length > MAX_SUSPECTS) return ranges.map((_, range) => ({ range, listRunning: true }));
  const byRange = ranges.map((): string[] => []);
  for (const suspect of suspects) {
    const i = ranges.findIndex((range) => range.last === undefined || suspect.position <= range.last);
    byRange[i === -1 ? ranges.length - 1 : i]?.push(suspect.execution);
  }
  return byRange.map((names, range) => (names.length > 0 ? { range, suspects: names } : { range }));
}

/** The range's checkpoint in this run: a new one at its first page, or one left by another run. */
async function partOf(deps: DunningDeps, run: SweepRun, part: number): Promise<SweepRun> {
  const found = await deps.store.getSweepRun(run.day, part);
  if (found?.run === run.run) return found;
  const now = deps.clock.now().toISOString();
  const begun: SweepRun = {
    day: run.day,
    part,
    run: run.run,
    complete: false,
    pages: 0,
    startedAt: now,
    updatedAt: now,
    version: (found?.version ?? 0) + 1,
  };
  try {
    await deps.store.putSweepRun(begun, found?.version ?? null);
    return begun;
  } catch (error) {
    const again =
      error instanceof ConcurrentModificationError ? await deps.store.getSweepRun(run.day, part) : undefined;
    if (again?.run === run.run) return again;
    throw error;
  }
}

function allBut(suspects: ReadonlySet<string>): RunningExecutions {
  return { has: (execution) => !suspects.has(execution) };
}
