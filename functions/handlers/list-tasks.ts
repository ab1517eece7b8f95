import { taskListQuery } from '../api/schemas/api-schemas';
import { creditStore } from '../shared/dependencies/credit-store';
import { httpHandler } from '../shared/http/http-handler';
import { openTasks } from '../use-cases/tasks/open-tasks';

export const handler = httpHandler({ route: 'list-tasks', query: taskListQuery }, async ({ query }) => ({
  tasks: await openTasks(creditStore(), query),
}));
