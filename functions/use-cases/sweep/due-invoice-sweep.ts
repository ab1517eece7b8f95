import { addDays } from '../../core/calendar/calendar-date';
import { BUSINESS_TIME_ZONE, localDate } from '../../core/calendar/time-zone';
import { DUNNING_SLOTS } from '../../core/dunning/dunning-slot';
import { ConcurrentModificationError, type InvoiceRecord } from '../../ports/credit-store';
import { warnOfLapsingClaim } from '../claims/limitation-warnings';
import { debtorOfInvoice } from '../debtor-of-invoice';
import { type DunningDeps, resumeSlotAfter, startDunning } from '../dunning/start-dunning';
import { endDuePause, pausedUnderDebtorHold } from './end-due-pause';

export interface SweepReport {
  /** Invoices that fell due and got their first execution. */
  started: number;
  /** Invoices whose execution had failed, been stopped from outside or been lost, restarted at their step. */
  restored: number;
  /** Paused invoices whose pause ended today (a promise followed up, a hold over), resumed at their step. */
  resumed: number;
  /** Overdue invoices whose execution runs, or whose dunning is paused or complete. */
  untouched: number;
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
 */
export async function sweepDueInvoices(deps: DunningDeps): Promise<SweepReport> {
  const report: SweepReport = { started: 0, restored: 0, resumed: 0, untouched: 0, failed: [] };
  const today = localDate(deps.clock.now(), BUSINESS_TIME_ZONE);
  const running = await deps.workflow.running();

  for await (const invoice of deps.store.listOpenInvoicesDueBy(addDays(today, -1))) {
    try {
      const outcome = await sweepOne(deps, invoice, running, today);
      report[outcome] += 1;
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
): Promise<'started' | 'restored' | 'resumed' | 'untouched'> {
  const dunning = invoice.dunning;
  if (dunning?.status === 'paused') return endDuePause(deps, invoice, today);
  if (dunning && (dunning.status !== 'running' || running.has(dunning.execution))) return 'untouched';
  if (dunning) {
    const execution = await deps.workflow.describe(dunning.execution);
    if (execution?.status === 'RUNNING') return 'untouched';
  }

  const debtor = await debtorOfInvoice(deps.store, invoice);
  try {
    if (!dunning) {
      if (await pausedUnderDebtorHold(deps, invoice, debtor, today)) return 'untouched';
      await startDunning(deps, invoice, debtor, { reason: 'fell_due', actor: 'sweep' });
      return 'started';
    }
    const resumeAt = resumeSlotAfter(dunning, DUNNING_SLOTS);
    if (!resumeAt) throw new Error(`invoice ${invoice.id} ran every step but is still open`);
    await startDunning(deps, invoice, debtor, { reason: 'restored', resumeAt, actor: 'sweep' });
    return 'restored';
  } catch (error) {
    // A payment or a webhook changed the invoice while we looked: the next sweep sees the new state.
    if (error instanceof ConcurrentModificationError) return 'untouched';
    throw error;
  }
}
