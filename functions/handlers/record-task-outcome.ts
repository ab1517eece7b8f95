import { idPath, taskOutcomeBody } from '../api/schemas/api-schemas';
import { clock, creditStore } from '../shared/dependencies/credit-store';
import { dunningWorkflow } from '../shared/dependencies/dunning-workflow';
import { httpHandler } from '../shared/http/http-handler';
import { recordTaskOutcome } from '../use-cases/tasks/task-outcome';

export const handler = httpHandler(
  { route: 'record-task-outcome', path: idPath, body: taskOutcomeBody },
  async ({ path, body, caller }) =>
    recordTaskOutcome(
      { store: creditStore(), workflow: dunningWorkflow(), clock },
      { taskId: path.id, outcome: body.outcome, note: body.note, by: caller.sub },
    ),
);
