import type { CreditReader } from '../../ports/credit-store';
import { detailsOf, type TaskWithDetails } from '../worklist/task-details';

/**
 * GET /tasks: open tasks, most urgent first (`list=special`: the special team's): by due date, then priority, each with the debtor's
 * name, contact and phone and what is open on its invoice. The workflow's task token is an
 * internal credential and never leaves the API.
 */
export async function openTasks(
  store: CreditReader,
  filter: { assignee?: string; list?: 'special' } = {},
): Promise<TaskWithDetails[]> {
  const tasks = await store.listOpenTasks();
  return detailsOf(
    store,
    tasks.filter(
      (t) =>
        (!filter.assignee || t.assignee === filter.assignee) &&
        // The special team's tasks are on its own list, not on the controllers'.
        (filter.list === 'special') === (t.forRole === 'special'),
    ),
  );
}
