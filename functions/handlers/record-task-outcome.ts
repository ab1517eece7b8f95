import { notifierOnFirstUse } from '../shared/dependencies/notifier-on-first-use';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { recordTaskOutcome } from '../use-cases/tasks/task-outcome';

// An outcome answers the call step's token (the workflow, at cold start); only some outcomes
// (a dispute, an escalation) publish, so SNS's client is loaded with the first message.
const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  notifier: notifierOnFirstUse(['disputes', 'account-managers']),
};

export const handler = httpHandler('record-task-outcome', async ({ path, body, caller }) =>
  recordTaskOutcome(deps, {
    taskId: path.id,
    outcome: body.outcome,
    note: body.note,
    by: caller.sub,
    byEmail: caller.email,
    promisedDate: body.promisedDate,
    amount: body.amount,
    ...(body.outcome === 'disputed' ? { cause: body.cause } : {}),
    isManager: caller.roles.includes('manager'),
  }),
);
