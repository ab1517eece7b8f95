import { type StepRecord, withStepDone } from '../../core/dunning/dunning-state';
import type { TimelineEvent } from '../../core/ledger/timeline';
import type { Clock } from '../../ports/clock';
import type { CreditStore, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';
import type { Skipped } from './step-outcome';
import type { StepPayload } from './step-payload';

export interface StepDeps {
  store: CreditStore;
  clock: Clock;
}

/** Who the timeline names for everything the workflow's tasks do. */
export const WORKFLOW_ACTOR = 'workflow';

export interface StepRecording {
  status: StepRecord['status'];
  reason?: string;
  /** The invoice's timeline entry for the step. */
  event: Pick<TimelineEvent, 'type' | 'summary' | 'details'>;
  /** Changes the step makes to the invoice itself (the hand-over closes it). */
  changes?: (invoice: InvoiceRecord, now: Date) => Partial<InvoiceRecord>;
  /** Other records that must change in the same transaction (the debtor's credit hold). */
  alsoWrite?: (invoice: InvoiceRecord, now: Date) => Promise<StoreWrite[]>;
}

/**
 * Records that this execution's step ran: the step's timeline entry (`stepEntry`), then
 * `dunning.lastStep` on the invoice (the sweep restores a lost execution after it) and any other
 * writes, in one write guarded by the invoice's version. Writes nothing when the step is already recorded (a retry) or when
 * the invoice is no longer dunned by this execution.
 *
 * The machine's last slot completes a dunning that is still running (see `withStepDone`), in this
 * same write: ending it here costs no state transition, where a state after the last task would
 * cost one for every execution, and the execution's end needs no listener of its own.
 */
export async function recordStep(
  deps: StepDeps,
  payload: StepPayload,
  recording: StepRecording,
): Promise<'recorded' | 'already_recorded' | 'superseded'> {
  return retryOnConflict(async () => {
    const invoice = await deps.store.getInvoice(payload.invoiceId);
    const dunning = invoice?.dunning;
    if (!invoice || !dunning || dunning.execution !== payload.execution) return 'superseded';
    if (dunning.lastStep?.slot === payload.step) return 'already_recorded';

    const now = deps.clock.now();
    const at = now.toISOString();
    const changes = recording.changes ? recording.changes(invoice, now) : {};
    const lastStep: StepRecord = {
      slot: payload.step,
      status: recording.status,
      at,
      ...(recording.reason ? { reason: recording.reason } : {}),
    };
    const before = changes.dunning ?? dunning;
    const after = withStepDone(before, lastStep);
    const next = revised(invoice, { ...changes, dunning: after }, now);
    const event: TimelineEvent = {
      at,
      actor: WORKFLOW_ACTOR,
      ...recording.event,
      details: { slot: payload.step, execution: payload.execution, ...recording.event.details },
    };
    const completed: StoreWrite[] =
      after.status === 'completed' && before.status === 'running'
        ? [
            {
              kind: 'appendEvent',
              subject: { invoiceId: invoice.id },
              event: completionEvent(at, after.policyId),
            },
          ]
        : [];
    const others = recording.alsoWrite ? await recording.alsoWrite(invoice, now) : [];
    // The entry first, on its own and under the step's key: an invoice that says the step is
    // recorded always has it, and a retry rewrites it. The invoice alone is a plain conditional
    // write, at half a transaction's units.
    await deps.store.commit([stepEntry(invoice.id, payload, event)]);
    await deps.store.commit([
      { kind: 'putInvoice', invoice: next, expectedVersion: invoice.version },
      ...completed,
      ...others,
    ]);
    return 'recorded';
  });
}

/**
 * A step's timeline entry, keyed by the execution and the slot: each step of an execution has one
 * entry, however often its task ran, and it is written outside the invoice's transaction.
 */
export function stepEntry(
  invoiceId: string,
  step: Pick<StepPayload, 'execution' | 'step'>,
  event: TimelineEvent,
): StoreWrite {
  return {
    kind: 'appendEvent',
    subject: { invoiceId },
    event,
    key: `STEP#${step.execution}#${step.step}`,
  };
}

/** The timeline entry of a dunning that ran its policy to the end without handing the claim over. */
function completionEvent(at: string, policyId: string): TimelineEvent {
  return {
    at,
    actor: WORKFLOW_ACTOR,
    type: 'dunning_completed',
    summary: `Dunning completed: policy ${policyId} has no further step; the invoice stays overdue until it is paid`,
  };
}

/** A skip this execution decided (not the invoice's state): recorded like any step, then answered. */
export async function recordSkip(deps: StepDeps, payload: StepPayload, outcome: Skipped): Promise<Skipped> {
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: {
      type: 'step_skipped',
      summary: `Step ${payload.step} skipped: ${outcome.reason}`,
      details: { skip: outcome.skip },
    },
  });
  return outcome;
}
