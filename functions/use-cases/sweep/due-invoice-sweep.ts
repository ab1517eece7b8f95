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
import { endDuePause, pausedUnderDebtorHold } from './end-due-pause';

export interface SweepOptions {
  /** Restores after failed executions before an invoice waits for a controller (DUNNING_RESTORE_LIMIT). */
  restoreLimit: number;
}

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
}

/**
 * The daily sweep: the one mechanism that starts dunning and restores it.
 *
 * It reads only the sparse index of open invoices due before today (invoices paid on time are not
 * in it), and one list of running executions. An invoice with no dunning gets its first
 * execution; one whose plan says "running" but whose execution is not running (failed, aborted,
 * or lost with a restart of the local cloud) is restarted at the step after the last one done.
 * The candidate's execution is described before a restore, because ListExecutions is eventually
 * consistent and an execution started a moment ago may not be listed yet.
 *
 * A step that throws every time (a poison invoice) fails its execution every day: after
 * `restoreLimit` restores at that step the invoice is held for a controller ('needs_attention',
 * one task, counted once for the alarm) and left alone until it is restarted by hand. A dunning
 * that completed (its policy hands nothing over) is nothing to do.
 */
export async function sweepDueInvoices(
  deps: DunningDeps,
  options: SweepOptions = { restoreLimit: DEFAULT_RESTORE_LIMIT },
): Promise<SweepReport> {
  const report: SweepReport = {
    started: 0,
    restored: 0,
    resumed: 0,
    untouched: 0,
    needsAttention: [],
    failed: [],
  };
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const running = await deps.workflow.running();

  for await (const invoice of deps.store.listOpenInvoicesDueBy(addDays(today, -1))) {
    try {
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
  // Claims at the agency are no longer dunned, but they still lapse: the same watch covers them,
  // read from their own index up to the due date from which the shortest period can end in the window.
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
  return report;
}

async function sweepOne(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  running: ReadonlySet<string>,
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
