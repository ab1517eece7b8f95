import { notifierFromEnvironment } from '../shared/dependencies/notifier-from-environment';
import { clock, creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { dunningWorkflowFromEnvironment } from '../shared/dependencies/workflow-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { recordTaskOutcome } from '../use-cases/tasks/task-outcome';

const deps = {
  store: creditStoreFromEnvironment(),
  workflow: dunningWorkflowFromEnvironment(),
  clock,
  notifier: notifierFromEnvironment(['disputes', 'account-managers']),
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
