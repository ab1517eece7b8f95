import { pausedDunning } from '../../core/dunning/dunning-pause';
import { DUNNING_SLOTS, type DunningSlot } from '../../core/dunning/dunning-slot';
import { type DunningState, executionName } from '../../core/dunning/dunning-state';
import { planDunning } from '../../core/dunning/schedule';
import { chooseSegment } from '../../core/dunning/segment';
import type { PaymentBehaviour } from '../../core/ledger/debtor';
import type { TimelineEvent } from '../../core/ledger/timeline';
import { isUnderSpecialManagement, SPECIAL_MANAGEMENT_REF } from '../../core/special/special-management';
import type { Clock } from '../../ports/clock';
import type {
  BehaviourCounters,
  CreditStore,
  DebtorRecord,
  InvoiceRecord,
  StoreWrite,
} from '../../ports/credit-store';
import type { DunningWorkflow } from '../../ports/workflow';
import { policyFor } from '../policies/policy-catalogue';
import { revised } from '../record-versions';

export interface DunningDeps {
  store: CreditStore;
  workflow: DunningWorkflow;
  clock: Clock;
}

/** fell_due: the first execution; restored: by the sweep after a failure or loss; resumed: after a
 *  pause; restarted: by a controller after the dunning needed attention. */
export type StartReason = 'fell_due' | 'restored' | 'resumed' | 'restarted';

export function behaviourOf(counters: BehaviourCounters): PaymentBehaviour {
  return {
    invoicesPaid: counters.invoicesPaid,
    invoicesPaidLate: counters.invoicesPaidLate,
    averageDaysLate: counters.invoicesPaid === 0 ? 0 : counters.totalDaysLate / counters.invoicesPaid,
    escalations: counters.escalations,
  };
}

/**
 * Starts (or restarts) the dunning of one invoice: records the plan on the invoice first, then
 * starts the execution. If the start is lost after the write, the plan says "running" with an
 * execution that does not exist, and the daily sweep restores it: one mechanism for every
 * failure. A restored or resumed execution keeps the policy version it began with.
 */
export async function startDunning(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  debtor: DebtorRecord,
  options: {
    reason: StartReason;
    resumeAt?: DunningSlot;
    /** The step at `resumeAt` acts today even if its day has not come (see planDunning). */
    atOnce?: boolean;
    actor: string;
    /** Restores after failed executions so far (see afterExecutionEnded); none by default. */
    restores?: number;
    /** Why, in the words of whoever asked (a restart by hand): added to the timeline entry. */
    note?: string;
    /** Further writes of the same transaction (the restart closes the controller's task). */
    alsoWrite?: readonly StoreWrite[];
  },
): Promise<InvoiceRecord> {
  const now = deps.clock.now();
  const previous = invoice.dunning;
  const segment = previous
    ? { segment: previous.policyId, reason: previous.segmentReason }
    : chooseSegment(debtor, behaviourOf(debtor.behaviour));
  const policy = await policyFor(deps.store, segment.segment, previous?.policyVersion);
  if (!policy) throw new Error(`dunning policy ${segment.segment} does not exist`);

  const attempt = (previous?.attempt ?? 0) + 1;
  const plan = planDunning({
    policy,
    dueDate: invoice.dueDate,
    now,
    resumeAt: options.resumeAt,
    ...(options.atOnce ? { atOnce: true } : {}),
  });
  const dunning: DunningState = {
    status: 'running',
    policyId: policy.id,
    policyVersion: policy.version,
    segmentReason: segment.reason,
    execution: executionName(invoice.id, attempt),
    attempt,
    schedule: plan.schedule,
    callWindowSeconds: plan.callWindowSeconds,
    ...(previous?.lastStep ? { lastStep: previous.lastStep } : {}),
    ...(!previous?.lastStep && plan.resumeAt !== DUNNING_SLOTS[0] ? { startSlot: plan.resumeAt } : {}),
    ...(options.atOnce ? { resumedAtOnce: plan.resumeAt } : {}),
    ...(options.restores ? { restores: options.restores } : {}),
  };
  if (isUnderSpecialManagement(debtor)) {
    return pausedUnderSpecialManagement(deps, invoice, dunning, options.actor, options.alsoWrite ?? []);
  }
  const next = revised(invoice, { status: 'overdue', dunning }, now);
  const event: TimelineEvent = {
    at: now.toISOString(),
    type: options.reason === 'fell_due' ? 'dunning_started' : 'dunning_restored',
    actor: options.actor,
    summary:
      options.reason === 'fell_due'
        ? `Dunning started with policy ${policy.name} (v${policy.version}): ${segment.reason}`
        : `Dunning ${options.reason} at step ${plan.resumeAt} (attempt ${attempt})${options.note ? `: ${options.note}` : ''}`,
    details: {
      execution: dunning.execution,
      resumeAt: plan.resumeAt,
      schedule: plan.schedule,
      ...(options.note ? { note: options.note } : {}),
    },
  };
  await deps.store.commit([
    { kind: 'putInvoice', invoice: next, expectedVersion: invoice.version },
    { kind: 'appendEvent', subject: { invoiceId: invoice.id }, event },
    ...(options.alsoWrite ?? []),
  ]);
  await deps.workflow.start({
    invoiceId: invoice.id,
    execution: dunning.execution,
    resumeAt: plan.resumeAt,
    schedule: plan.schedule,
    callWindowSeconds: plan.callWindowSeconds,
    parkSeconds: plan.parkSeconds,
  });
  return next;
}

/**
 * A debtor under special management has no execution running: an invoice that falls due, or whose
 * other pause (a promise, a hold, a dispute) ends, is paused under the special management instead,
 * with the plan it would have run, and resumes with the others when the debtor returns.
 */
async function pausedUnderSpecialManagement(
  deps: DunningDeps,
  invoice: InvoiceRecord,
  planned: DunningState,
  actor: string,
  alsoWrite: readonly StoreWrite[],
): Promise<InvoiceRecord> {
  const now = deps.clock.now();
  const previous = invoice.dunning;
  const unstarted: DunningState = {
    ...planned,
    attempt: previous?.attempt ?? 0,
    execution: previous?.execution ?? executionName(invoice.id, 0),
  };
  const paused = pausedDunning(unstarted, {
    reason: 'special_management',
    by: actor,
    at: now.toISOString(),
    ref: SPECIAL_MANAGEMENT_REF,
  });
  const next = revised(invoice, { status: 'overdue', dunning: paused }, now);
  await deps.store.commit([
    { kind: 'putInvoice', invoice: next, expectedVersion: invoice.version },
    {
      kind: 'appendEvent',
      subject: { invoiceId: invoice.id },
      event: {
        at: now.toISOString(),
        type: 'dunning_paused',
        actor,
        summary: 'Dunning paused: the debtor is under special management',
        details: { pausedFor: 'special_management', ref: SPECIAL_MANAGEMENT_REF },
      },
    },
    ...alsoWrite,
  ]);
  return next;
}

/** The slot after the last one done: where a restored execution picks up. */
export function resumeSlotAfter(
  state: DunningState | undefined,
  slots: readonly DunningSlot[],
): DunningSlot | null {
  if (!state?.lastStep) return slots[0] ?? null;
  const index = slots.indexOf(state.lastStep.slot);
  return slots[index + 1] ?? null;
}
