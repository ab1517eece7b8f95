import { isPaused, type Pause, type PauseReason, pausedDunning } from '../../core/dunning/dunning-pause';
import { type DunningState, executionName } from '../../core/dunning/dunning-state';
import { planDunning } from '../../core/dunning/schedule';
import { hasOpenBalance, isCollecting } from '../../core/ledger/invoice';
import { chooseSegment } from '../../core/dunning/segment';
import type { CreditStore, DebtorRecord, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';
import { policyFor } from '../policies/policy-catalogue';
import { revised } from '../record-versions';
import { conflict } from '../refusal';
import { behaviourOf } from './start-dunning';
import { stopExecutionOf } from './stop-dunning';

/**
 * The invoice with its dunning paused. An invoice whose dunning has not started yet (not due, or
 * due since this morning) gets the plan it would start with, never started (attempt 0), so that
 * the sweep sees the pause and does not start the dunning under it.
 */
export async function pausedInvoice(
  store: CreditStore,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
  pause: Pause,
  now: Date,
): Promise<InvoiceRecord> {
  const state = invoice.dunning ?? (await unstartedDunning(store, invoice, debtor, now));
  return revised(invoice, { dunning: pausedDunning(state, pause) }, now);
}

/** The writes of a pause: the invoice, guarded by the version it was read at, and its timeline entry. */
export function pauseWrites(before: InvoiceRecord, after: InvoiceRecord, summary: string): StoreWrite[] {
  const dunning = after.dunning;
  return [
    { kind: 'putInvoice', invoice: after, expectedVersion: before.version },
    {
      kind: 'appendEvent',
      subject: { invoiceId: before.id },
      event: {
        at: after.updatedAt,
        type: 'dunning_paused',
        actor: dunning?.pausedBy ?? 'unknown',
        summary,
        details: {
          pausedFor: dunning?.pausedFor,
          ...(dunning?.pausedUntil ? { until: dunning.pausedUntil } : {}),
          ...(dunning?.pauseRef ? { ref: dunning.pauseRef } : {}),
          ...(before.dunning?.status === 'running' ? { stoppedExecution: before.dunning.execution } : {}),
        },
      },
    },
  ];
}

/**
 * After the pause is committed, the running execution is stopped. Called after the commit on
 * purpose: if the stop is lost, every task re-reads the invoice, finds it paused and skips.
 */
export async function stopPausedExecutions(
  workflow: DunningWorkflow,
  before: readonly InvoiceRecord[],
  reason: string,
): Promise<void> {
  for (const invoice of before) await stopExecutionOf(workflow, invoice, reason);
}

async function unstartedDunning(
  store: CreditStore,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
  now: Date,
): Promise<DunningState> {
  const segment = chooseSegment(debtor, behaviourOf(debtor.behaviour));
  const policy = await policyFor(store, segment.segment);
  if (!policy) throw new Error(`dunning policy ${segment.segment} does not exist`);
  const plan = planDunning({ policy, dueDate: invoice.dueDate, now });
  return {
    status: 'paused',
    policyId: policy.id,
    policyVersion: policy.version,
    segmentReason: segment.reason,
    execution: executionName(invoice.id, 0),
    attempt: 0,
    schedule: plan.schedule,
    callWindowSeconds: plan.callWindowSeconds,
  };
}

/**
 * Refuses (409) to pause an invoice for `reason` when there is nothing to pause for (settled,
 * cancelled, handed over) or when another pause holds it: one pause at a time, and that one ends
 * first. `what` names the action for the message: "promise", "dispute", "plan".
 */
export function refuseUnlessPausable(invoice: InvoiceRecord, reason: PauseReason, what: string): void {
  if (!isCollecting(invoice) || !hasOpenBalance(invoice)) {
    throw conflict(
      `Invoice ${invoice.number} is ${invoice.status.replace('_', ' ')}: there is nothing to ${what}.`,
      'invoice_not_open',
    );
  }
  const dunning = invoice.dunning;
  if (isPaused(dunning)) {
    throw conflict(
      dunning.pausedFor === reason
        ? `Invoice ${invoice.number} is already paused for an open ${reason.replace('_', ' ')} (${dunning.pauseRef ?? ''}).`
        : `The dunning of invoice ${invoice.number} is paused for ${dunning.pausedFor.replace('_', ' ')}${dunning.pausedUntil ? ` until ${dunning.pausedUntil}` : ''}; end that first.`,
      'already_paused',
    );
  }
}
