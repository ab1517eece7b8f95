import { localDate } from '../../core/calendar/time-zone';
import type { StoreWrite } from '../../ports/credit-store';
import { recordStep, type StepDeps, WORKFLOW_ACTOR } from '../steps/record-step';
import { type Skipped, skipped } from '../steps/step-outcome';
import type { StepPayload } from '../steps/step-payload';
import { unreachableTaskWrites } from '../tasks/unreachable-task';

/**
 * A letter by post for a debtor without a postal address: the step is recorded as skipped and a
 * controller gets the task to reach the debtor another way (the same task as for a debtor
 * without an email address), in one transaction.
 */
export async function recordNoPostalAddress(
  deps: StepDeps,
  payload: StepPayload,
  timeZone: string,
): Promise<Skipped> {
  const outcome = skipped('no_postal_address', 'no postal address: task created');
  await recordStep(deps, payload, {
    status: 'skipped',
    reason: outcome.reason,
    event: {
      type: 'step_skipped',
      summary: `Step ${payload.step} not posted: the debtor has no postal address`,
      details: { skip: 'no_postal_address' },
    },
    alsoWrite: async (invoice, now) => {
      const at = now.toISOString();
      const summary = `No postal address for the ${payload.step} of invoice ${invoice.number}: reach the debtor by phone or email`;
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
