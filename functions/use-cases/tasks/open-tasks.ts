import type { CollectionTask } from '../../core/tasks/collection-task';
import type { CreditStore } from '../../ports/credit-store';

export type TaskView = Omit<CollectionTask, 'taskToken'> & { version: number; createdAt: string };

/**
 * GET /tasks: open tasks, most urgent first: by due date, then priority. The workflow's task
 * token is an internal credential and never leaves the API.
 */
export async function openTasks(store: CreditStore, filter: { assignee?: string } = {}): Promise<TaskView[]> {
  const tasks = await store.listOpenTasks();
  return tasks
    .filter((t) => !filter.assignee || t.assignee === filter.assignee)
    .map(({ taskToken: _token, updatedAt: _updated, ...task }) => task);
}
