import { type CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { openTask, type TaskKind } from '../../core/tasks/collection-task';
import type { CreditStore, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from '../steps/record-step';
import { type Skipped, type SkipKind, skipped } from '../steps/step-outcome';
import type { StepPayload } from '../steps/step-payload';

/** One task per invoice and step: a retry, a second bounce or a restored execution finds it. */
function unreachableTaskId(invoiceId: string, slot: DunningSlot): string {
  return `unreachable--${invoiceId}--${slot}`;
}

/**
 * The write that puts "reach this debtor another way" on a controller's list, or nothing when
 * the task exists already. Created with expectedVersion null, so two writers cannot both add it.
 */
export async function unreachableTaskWrites(
  store: CreditStore,
  input: { invoice: InvoiceRecord; slot: DunningSlot; summary: string; today: CalendarDate; at: string },
): Promise<StoreWrite[]> {
  const { invoice, slot } = input;
  const id = unreachableTaskId(invoice.id, slot);
  if (await store.getTask(id)) return [];
  const task = openTask({
    id,
    kind: 'unreachable_by_email',
    invoice,
    today: input.today,
    summary: input.summary,
    slot,
    ...(invoice.dunning ? { execution: invoice.dunning.execution } : {}),
  });
  return [{ kind: 'putTask', task: firstVersion(task, input.at), expectedVersion: null }];
}

/** What a step could not reach the debtor by, and how the skip and the task say so. */
interface Unreachable {
  skip: SkipKind;
  /** The step's skip reason, and its timeline summary. */
  reason: string;
  stepSummary: string;
  kind: TaskKind;
  taskId: (invoiceId: string, slot: DunningSlot) => string;
  taskSummary: (invoice: InvoiceRecord, slot: DunningSlot) => string;
}

/**
 * A step that cannot reach the debtor on its channel: the step is recorded as skipped and a
 * controller gets the task to reach the debtor another way, in one transaction. One task per
 * invoice and step: a retry, a second bounce or a restored execution finds it.
 */
async function recordUnreachable(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
  how: Unreachable,
): Promise<Skipped> {
  const outcome = skipped(how.skip, how.reason);
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: { type: 'step_skipped', summary: how.stepSummary, details: { skip: how.skip } },
    alsoWrite: async (invoice, now) => {
      const id = how.taskId(invoice.id, payload.step);
      if (await deps.store.getTask(id)) return [];
      const at = now.toISOString();
      const summary = how.taskSummary(invoice, payload.step);
      const task = openTask({
        id,
        kind: how.kind,
        invoice,
        today: localDate(now, timeZone),
        summary,
        slot: payload.step,
        ...(invoice.dunning ? { execution: invoice.dunning.execution } : {}),
      });
      const created: StoreWrite = {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: { at, type: 'task_created', actor: WORKFLOW_ACTOR, summary, details: { kind: how.kind } },
      };
      return [{ kind: 'putTask', task: firstVersion(task, at), expectedVersion: null }, created];
    },
  });
  return outcome;
}

/** A letter step for a debtor without an email address. */
export function recordNoEmailAddress(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  return recordUnreachable(deps, payload, timeZone, {
    skip: 'no_email_address',
    reason: 'no email address: task created',
    stepSummary: `Step ${payload.step} not sent: the debtor has no email address`,
    kind: 'unreachable_by_email',
    taskId: unreachableTaskId,
    taskSummary: (invoice, slot) =>
      `No email address for the ${slot} of invoice ${invoice.number}: reach the debtor by phone or post`,
  });
}

/**
 * A letter by post for a debtor without a postal address: the same task as for a debtor without
 * an email address.
 */
export function recordNoPostalAddress(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  return recordUnreachable(deps, payload, timeZone, {
    skip: 'no_postal_address',
    reason: 'no postal address: task created',
    stepSummary: `Step ${payload.step} not posted: the debtor has no postal address`,
    kind: 'unreachable_by_email',
    taskId: unreachableTaskId,
    taskSummary: (invoice, slot) =>
      `No postal address for the ${slot} of invoice ${invoice.number}: reach the debtor by phone or email`,
  });
}

/** An sms step for a debtor without a mobile number: a task of its own kind. */
export function recordNoMobileNumber(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  return recordUnreachable(deps, payload, timeZone, {
    skip: 'no_mobile_number',
    reason: 'no mobile number: task created',
    stepSummary: `Step ${payload.step} not sent: the debtor has no mobile number for the text`,
    kind: 'unreachable_by_sms',
    taskId: (invoiceId, slot) => `unreachable-by-sms--${invoiceId}--${slot}`,
    taskSummary: (invoice, slot) =>
      `No mobile number for the ${slot} text of invoice ${invoice.number}: reach the debtor another way, or add the number in the invoicing system`,
  });
}
