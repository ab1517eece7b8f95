import { readingStoreFromEnvironment } from '../shared/dependencies/reading-store-from-environment';
import { httpHandler } from '../shared/http/http-handler';
import { openTasks } from '../use-cases/tasks/open-tasks';

const store = readingStoreFromEnvironment();

export const handler = httpHandler('list-tasks', async ({ query }) => ({
  tasks: await openTasks(store, query),
}));
