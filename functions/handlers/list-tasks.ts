import { creditStoreFromEnvironment } from '../shared/dependencies/store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { openTasks } from '../use-cases/tasks/open-tasks';

const store = creditStoreFromEnvironment();

export const handler = httpHandler('list-tasks', async ({ query }) => ({
  tasks: await openTasks(store, query),
}));
