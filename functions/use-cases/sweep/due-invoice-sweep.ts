import type { CalendarDate } from '../../core/calendar/calendar-date';
import { addDays } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DUNNING_SLOTS } from '../../core/dunning/dunning-slot';
import {
  afterExecutionEnded,
  DEFAULT_RESTORE_LIMIT,
  type DunningState,
  ranEveryStep,
} from '../../core/dunning/dunning-state';
import { ConcurrentModificationError, type InvoiceRecord } from '../../ports/credit-store';
import { hasFailed } from '../../ports/workflow';
import { latestDueDateWatched, warnOfLapsingClaim } from '../claims/limitation-warnings';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { holdForAttention } from '../dunning/hold-for-attention';
import { type DunningDeps, resumeSlotAfter, startDunning } from '../dunning/start-dunning';
import { revised } from '../record-versions';
import { atMostAtOnce } from './at-most-at-once';
import { endDuePause, pausedUnderDebtorHold } from './end-due-pause';
import { beginRun, recordPage } from './sweep-run';

export interface SweepOptions {
  /** Restores after failed executions before an invoice waits for a controller (DUNNING_RESTORE_LIMIT). */
  restoreLimit: number;
  /** Invoices per page of the due-invoice index: the sweep writes its checkpoint after each page. */
  pageSize?: number;
  /** Invoices of a page swept at the same time (StartExecution calls in flight, at most). */
  concurrency?: number;
}

/** What the caller of one slice of the sweep decides. */
export interface SweepSlice {
  /** Asked before each page after the first: false ends this slice (a Lambda near its timeout). */
  mayBeginPage?: () => boolean;
  /** Runs once per run, before its first page: never again when a run goes on from its checkpoint. */
  beforeFirstPage?: () => Promise<unknown>;
  /**
   * Awaited before each invoice that may get an execution (started, restored or resumed): the
   * caller's pace of StartExecution calls, so that the workers of a fanned-out run together stay
   * under the account's rate. None: as fast as the concurrency allows.
   */
  beforeStart?: () => Promise<void>;
}

/** Which executions run, as far as the sweep knows (a listing, or all but the suspects). */
export interface RunningExecutions {
  has(execution: string): boolean;
}

export const DEFAULT_SWEEP_PAGE_SIZE = 200;
export const DEFAULT_SWEEP_CONCURRENCY = 16;

export interface SweepReport {
  /** Invoices that fell due and got their first execution. */
  started: number;
  /** Invoices whose execution had failed, been stopped from outside or been lost, restarted at their step. */
  restored: number;
  /** Paused invoices whose pause ended today (a promise followed up, a hold over), resumed at their step. */
  resumed: number;
  /** Overdue invoices whose execution runs, or whose dunning is paused, complete or held. */
  untouched: number;
  /** Invoices whose step kept failing, held for a controller by this sweep (each once, ever). */
  needsAttention: string[];
  /** Invoices that could not be handled this time (retried by the next sweep). */
  failed: { invoiceId: string; error: string }[];
  /** Pages of the due-invoice index this slice finished. */
  pages: number;
  /** This slice went on from the checkpoint of a run that had not finished (it died, or ran out of time). */
  continued: boolean;
  /** The day's run has read the index to its end; false: a next slice goes on from the checkpoint. */
  complete: boolean;
}

/**
 * The daily sweep: the one mechanism that starts dunning and restores it.
 *
 * It reads only the sparse index of open invoices due before today (invoices paid on time are not
 * in it), a page at a time, and one list of running executions. An invoice with no dunning gets
 * its first execution; one whose plan says "running" but whose execution is not running (failed,
 * aborted, or lost with a restart of the local cloud) is restarted at the step after the last one
 * done. The candidate's execution is described before a restore, because ListExecutions is
 * eventually consistent and an execution started a moment ago may not be listed yet.
 *
 * A step that throws every time (a poison invoice) fails its execution every day: after
 * `restoreLimit` restores at that step the invoice is held for a controller ('needs_attention',
 * one task, counted once for the alarm) and left alone until it is restarted by hand. A dunning
 * that completed (its policy hands nothing over) is nothing to do.
 *
 * Resumable: after each page the run of the day records the cursor of the next (`SweepRun`). A
 * sweep that finds the day's run unfinished (its Lambda died, or the slice before ran out of time)
 * goes on from there; the page that was under way is swept again, which starts nothing twice, as
 * every invoice it started already says so. A sweep that finds the day's run complete begins a
 * new one (an operator's second sweep restores what broke since the first).
 */
export async function sweepDueInvoices(
  deps: DunningDeps,
  options: SweepOptions = { restoreLimit: DEFAULT_RESTORE_LIMIT },
  slice: SweepSlice = {},
): Promise<SweepReport> {
  const report = emptyReport();
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  let run = await deps.store.getSweepRun(today);
  report.continued = run !== undefined && !run.complete;
  if (!run || run.complete) {
    await slice.beforeFirstPage?.();
    await watchClaimsAtAgency(deps, today, report);
    run = await beginRun(deps, today, run);
  }
  const running = await deps.workflow.running();
  const pageSize = options.pageSize ?? DEFAULT_SWEEP_PAGE_SIZE;
  const concurrency = options.concurrency ?? DEFAULT_SWEEP_CONCURRENCY;

  do {
    const page = await deps.store.pageOpenInvoicesDueBy(addDays(today, -1), {
      limit: pageSize,
      ...(run.cursor === undefined ? {} : { cursor: run.cursor }),
    });
    await atMostAtOnce(page.items, concurrency, (invoice) =>
      sweepInvoice(deps, { invoice, running, today, options, slice }, report),
    );
    const next = await recordPage(deps, run, page.cursor);
    if (!next) return report; // another run of the day moved the checkpoint on: it goes on from there
    run = next;
    report.pages += 1;
  } while (!run.complete && (slice.mayBeginPage?.() ?? true));
  report.complete = run.complete;
  return report;
}

export function emptyReport(): SweepReport {
  return {
    started: 0,
    restored: 0,
    resumed: 0,
    untouched: 0,
    needsAttention: [],
    failed: [],
    pages: 0,
    continued: false,
    complete: false,
  };
}

/**
 * Claims at the agency are no longer dunned, but they still lapse: the same watch covers them,
 * once per run, read from their own index up to the due date from which the shortest period can
 * end in the window.
 */
export async function watchClaimsAtAgency(
  deps: DunningDeps,
  today: CalendarDate,
  report: SweepReport,
): Promise<void> {
  for await (const invoice of deps.store.listClaimsAtAgencyDueBy(latestDueDateWatched(today))) {
    try {
      await warnOfLapsingClaim(deps, invoice);
    } catch (error) {
      report.failed.push({
        invoiceId: invoice.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

/** What one invoice of a page is swept with. */
export interface InvoiceSweep {
  invoice: InvoiceRecord;
  running: RunningExecutions;
  today: CalendarDate;
  options: SweepOptions;
  slice: SweepSlice;
}

/** One invoice of a page: its dunning started, restored or resumed, and its claim checked. */
export async function sweepInvoice(
  deps: DunningDeps,
  { invoice, running, today, options, slice }: InvoiceSweep,
  report: SweepReport,
): Promise<void> {
  try {
    const dunning = invoice.dunning;
    if (
      !dunning ||
      dunning.status === 'paused' ||
      (dunning.status === 'running' && !running.has(dunning.execution))
    ) {
      await slice.beforeStart?.();
    }
    const outcome = await sweepOne(deps, invoice, running, today, options);
    if (outcome === 'needs_attention') report.needsAttention.push(invoice.id);
    else report[outcome] += 1;
    await warnOfLapsingClaim(deps, invoice);
  } catch (error) {
    report.failed.push({
      invoiceId: invoice.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

async function sweepOne(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  running: RunningExecutions,
  today: string,
  options: SweepOptions,
): Promise<'started' | 'restored' | 'resumed' | 'untouched' | 'needs_attention'> {
  const dunning = invoice.dunning;
  if (dunning?.status === 'paused') return endDuePause(deps, invoice, today);
  if (dunning && (dunning.status !== 'running' || running.has(dunning.execution))) return 'untouched';
  const execution = dunning ? await deps.workflow.describe(dunning.execution) : undefined;
  if (execution?.status === 'RUNNING') return 'untouched';

  try {
    if (!dunning) {
      const debtor = await debtorOfInvoice(deps.store, invoice);
      if (await pausedUnderDebtorHold(deps, invoice, debtor, today)) return 'untouched';
      await startDunning(deps, invoice, debtor, { reason: 'fell_due', actor: 'sweep' });
      return 'started';
    }
    if (ranEveryStep(dunning)) {
      await completeDunning(deps, { ...invoice, dunning });
      return 'untouched';
    }
    const resumeAt = resumeSlotAfter(dunning, DUNNING_SLOTS);
    if (!resumeAt) throw new Error(`invoice ${invoice.id} has no step to resume at`);
    const next = afterExecutionEnded(dunning, { failed: hasFailed(execution) }, options.restoreLimit);
    if (next.action === 'hold') {
      await holdForAttention(deps, { ...invoice, dunning }, resumeAt);
      return 'needs_attention';
    }
    const debtor = await debtorOfInvoice(deps.store, invoice);
    await startDunning(deps, invoice, debtor, {
      reason: 'restored',
      resumeAt,
      actor: 'sweep',
      restores: next.restores,
    });
    return 'restored';
  } catch (error) {
    // A payment or a webhook changed the invoice while we looked: the next sweep sees the new state.
    if (error instanceof ConcurrentModificationError) return 'untouched';
    throw error;
  }
}

/**
 * A dunning that ran the machine's last slot but still says running: recorded before the last
 * step completed the dunning itself (see withStepDone). It is completed once, with nothing to start.
 */
async function completeDunning(
  deps: DunningDeps,
  invoice: InvoiceRecord & { dunning: DunningState },
): Promise<void> {
  const now = deps.clock.now();
  await deps.store.commit([
    {
      kind: 'putInvoice',
      invoice: revised(invoice, { dunning: { ...invoice.dunning, status: 'completed' } }, now),
      expectedVersion: invoice.version,
    },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at: now.toISOString(),
        type: 'dunning_completed',
        actor: 'sweep',
        summary: `Dunning completed: every step of policy ${invoice.dunning.policyId} has run; the invoice stays overdue until it is paid`,
      },
    },
  ]);
}
