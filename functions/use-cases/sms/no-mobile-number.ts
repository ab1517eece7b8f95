import { localDate } from '../../core/calendar/time-zone';
import { openTask } from '../../core/tasks/collection-task';
import type { StoreWrite } from '../../ports/credit-store';
import { firstVersion } from '../record-versions';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from '../steps/record-step';
import { type Skipped, skipped } from '../steps/step-outcome';
import type { StepPayload } from '../steps/step-payload';

/**
 * An sms step for a debtor without a mobile number: as a letter for a debtor without an email
 * address, the step is recorded as skipped and a controller gets the task to reach the debtor
 * another way, in one write. One task per invoice and step: a retry or a restore finds it.
 */
export async function recordNoMobileNumber(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  const outcome = skipped('no_mobile_number', 'no mobile number: task created');
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: {
      type: 'step_skipped',
      summary: `Step ${payload.step} not sent: the debtor has no mobile number for the text`,
      details: { skip: 'no_mobile_number' },
    },
    alsoWrite: async (invoice, now) => {
      const id = `unreachable-by-sms--${invoice.id}--${payload.step}`;
      if (await deps.store.getTask(id)) return [];
      const at = now.toISOString();
      const summary = `No mobile number for the ${payload.step} text of invoice ${invoice.number}: reach the debtor another way, or add the number in the invoicing system`;
      const task = openTask({
        id,
        kind: 'unreachable_by_sms',
        invoice,
        today: localDate(now, timeZone),
        summary,
        slot: payload.step,
        ...(invoice.dunning ? { execution: invoice.dunning.execution } : {}),
      });
      const writes: StoreWrite[] = [
        { kind: 'putTask', task: firstVersion(task, at), expectedVersion: null },
        {
          kind: 'appendEvent',
          subject: { invoiceId: invoice.id },
          event: {
            at,
            type: 'task_created',
            actor: WORKFLOW_ACTOR,
            summary,
            details: { kind: 'unreachable_by_sms' },
          },
        },
      ];
      return writes;
    },
  });
  return outcome;
}
