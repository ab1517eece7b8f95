import { type CalendarDate } from '../../core/calendar/calendar-date';
import { localDate } from '../../core/calendar/time-zone';
import type { DunningSlot } from '../../core/dunning/dunning-slot';
import { openTask } from '../../core/tasks/collection-task';
import type { CreditStore, InvoiceRecord, StoreWrite } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from '../steps/record-step';
import { type Skipped, skipped } from '../steps/step-outcome';
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

/**
 * A letter step for a debtor without an email address: the step is recorded as skipped and a
 * controller gets the task to reach the debtor another way, in one transaction.
 */
export async function recordNoEmailAddress(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  const outcome = skipped('no_email_address', 'no email address: task created');
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: {
      type: 'step_skipped',
      summary: `Step ${payload.step} not sent: the debtor has no email address`,
      details: { skip: 'no_email_address' },
    },
    alsoWrite: async (invoice, now) => {
      const at = now.toISOString();
      const summary = `No email address for the ${payload.step} of invoice ${invoice.number}: reach the debtor by phone or post`;
      const task = await unreachableTaskWrites(deps.store, {
        invoice,
        slot: payload.step,
        summary,
        today: localDate(now, timeZone),
        at,
      });
      if (task.length === 0) return [];
      const created: StoreWrite = {
        kind: 'appendEvent',
        subject: { invoiceId: invoice.id },
        event: {
          at,
          type: 'task_created',
          actor: WORKFLOW_ACTOR,
          summary,
          details: { kind: 'unreachable_by_email' },
        },
      };
      return [...task, created];
    },
  });
  return outcome;
}
