import type { TaskList } from '../../core/tasks/collection-task';
import type { Clock } from '../../ports/clock';
import type { CreditStore, StoreWrite, TaskRecord } from '../../ports/credit-store';
import { retryOnConflict, revised } from '../record-versions';

/** The special team's own kinds of task stay on its list when the debtor returns to the normal cycle. */
const SPECIAL_TEAM_KINDS: ReadonlySet<TaskRecord['kind']> = new Set();

/**
 * Moves the debtor's open tasks to the special team's list (`to: 'special'`), or back to the list
 * each came from (`to: undefined`). Each move is on the timeline of the task's invoice (or of
 * the debtor). Safe to repeat: a task already where it belongs is left alone.
 */
export async function moveTasksOfDebtor(
  deps: { store: CreditStore; clock: Clock },
  debtorId: string,
  to: 'special' | undefined,
  actor: string,
): Promise<string[]> {
  return retryOnConflict(async () => {
    const open = await deps.store.listOpenTasksOfDebtor(debtorId);
    const moving = open.filter((task) =>
      to === 'special'
        ? task.forRole !== 'special'
        : task.forRole === 'special' && !SPECIAL_TEAM_KINDS.has(task.kind),
    );
    const now = deps.clock.now();
    const writes = moving.flatMap((task): StoreWrite[] => {
      const { forRole: from, movedFrom, ...rest } = task;
      const back: TaskList | undefined = movedFrom;
      const moved: TaskRecord =
        to === 'special'
          ? { ...rest, forRole: 'special', ...(from === 'manager' ? { movedFrom: 'manager' } : {}) }
          : { ...rest, ...(back ? { forRole: back } : {}) };
      return [
        { kind: 'putTask', task: revised(moved, {}, now), expectedVersion: task.version },
        {
          kind: 'appendEvent',
          subject: task.invoiceId ? { invoiceId: task.invoiceId } : { debtorId },
          event: {
            at: now.toISOString(),
            type: 'task_moved',
            actor,
            summary:
              to === 'special'
                ? `Task ${task.kind.replaceAll('_', ' ')} moved to the special team's list`
                : `Task ${task.kind.replaceAll('_', ' ')} back on ${back === 'manager' ? "the managers'" : "the controllers'"} list`,
            details: { taskId: task.id, kind: task.kind, to: to ?? back ?? 'controller' },
          },
        },
      ];
    });
    for (let i = 0; i < writes.length; i += 50) await deps.store.commit(writes.slice(i, i + 50));
    return moving.map((task) => task.id);
  });
}
