import type { DunningPolicy, DunningStep } from '../../core/dunning/dunning-policy';
import type { DunningState, StepRecord } from '../../core/dunning/dunning-state';
import { stepFor } from '../../core/dunning/policy-steps';
import { isWorkingDay } from '../../core/calendar/working-days';
import { localDate } from '../../core/calendar/time-zone';
import { isCollecting } from '../../core/ledger/invoice';
import type { InvoiceRecord } from '../../ports/credit-store';
import { onlyDisputedPartLeft, pauseForDisputedPart } from '../disputes/partial-dispute';
import { deferWhileSendingPaused } from '../settings/sending-setting';
import { recordSkip, type StepDeps } from './record-step';
import { type Skipped, skipped } from './step-outcome';
import { StepDeferredError } from './step-deferred';
import type { StepPayload } from './step-payload';

export type DunnedInvoice = InvoiceRecord & { dunning: DunningState };

/** A step that may act: the invoice as it is now, and what its policy says the step is. */
export interface ActiveStep {
  invoice: DunnedInvoice;
  policy: DunningPolicy;
  step: DunningStep;
  /** Set when this execution already recorded the step: a retry after the work was committed. */
  recorded?: StepRecord;
}

export type StepCheck = { active: ActiveStep } | { outcome: Skipped };

/**
 * The ASL retries a deferred step a whole day later (a letter of the day it missed, a 14-day term
 * still running, a sending pause), and the sweep restores a lost execution on any day: a step
 * that runs later than planned on a Saturday, a Sunday or a holiday of the Algemene termijnenwet
 * waits for the next day again, so that letters go out and tasks fall on working days only. A step
 * on the day it was planned for acts: the plan put it on a working day already (schedule.ts).
 */
function deferOffWorkingDays(
  deps: StepDeps,
  dunning: DunningState,
  policy: DunningPolicy,
  payload: StepPayload,
): void {
  const today = localDate(deps.clock.now(), policy.timeZone);
  if (isWorkingDay(today)) return;
  const planned = dunning.schedule[payload.step];
  if (planned && localDate(new Date(planned), policy.timeZone) >= today) return;
  throw new StepDeferredError(`${today} is no working day: the ${payload.step} step waits for one`);
}

/**
 * What every task does first: re-read the invoice (a payment may have landed a second ago) and
 * decide whether the step still applies. Skips for the invoice's own state (gone, settled, paused,
 * or now dunned by another execution) write nothing: the invoice no longer belongs to this
 * execution. While an admin paused all sending, or on a day off for a step that runs late, the
 * step is deferred to the next day. A slot the policy leaves out is this execution's decision, so it is recorded as the
 * last step, which lets a restored execution resume after it.
 */
export async function checkStep(deps: StepDeps, payload: StepPayload): Promise<StepCheck> {
  const invoice = await deps.store.getInvoice(payload.invoiceId);
  if (!invoice) return { outcome: skipped('invoice_missing', `invoice ${payload.invoiceId} does not exist`) };
  const dunning = invoice.dunning;
  if (!dunning || dunning.execution !== payload.execution) {
    const current = dunning ? `execution ${dunning.execution}` : 'no execution';
    return {
      outcome: skipped('stale_execution', `stale execution: the invoice is now dunned by ${current}`),
    };
  }
  const recorded = dunning.lastStep?.slot === payload.step ? dunning.lastStep : undefined;
  if (!recorded && !isCollecting(invoice)) {
    return { outcome: skipped('not_collecting', `the invoice is ${invoice.status.replace('_', ' ')}`) };
  }
  // Paused from outside (a promise to pay, a dispute) while this task was already under way.
  if (!recorded && dunning.status !== 'running') {
    const why = dunning.stoppedReason ?? dunning.status;
    return { outcome: skipped('dunning_stopped', `the dunning was stopped: ${why}`) };
  }
  // A dispute over part of the invoice, and the rest was paid: the dispute holds it all now.
  if (!recorded && onlyDisputedPartLeft(invoice))
    return { outcome: await pauseForDisputedPart(deps, invoice) };
  // An admin paused all sending: the step waits a day and asks again. A retry of a step already
  // recorded finishes what it began.
  if (!recorded) await deferWhileSendingPaused(deps.store);

  const policy = await deps.store.getPolicy(dunning.policyId, dunning.policyVersion);
  if (!policy) throw new Error(`dunning policy ${dunning.policyId} v${dunning.policyVersion} is missing`);
  const step = stepFor(policy, payload.step);
  if (!step) {
    return { outcome: await recordSkip(deps, payload, skipped('not_in_policy', 'not in policy')) };
  }
  if (!recorded) deferOffWorkingDays(deps, dunning, policy, payload);
  return { active: { invoice: { ...invoice, dunning }, policy, step, ...(recorded ? { recorded } : {}) } };
}
