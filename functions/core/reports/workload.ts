import type { CollectionTask, TaskKind } from '../tasks/collection-task';

/** The credit controllers' open work: how many tasks, and of which kind. */
export interface Workload {
  total: number;
  byKind: Partial<Record<TaskKind, number>>;
}

export function workload(openTasks: readonly Pick<CollectionTask, 'kind'>[]): Workload {
  const byKind: Workload['byKind'] = {};
  for (const task of openTasks) byKind[task.kind] = (byKind[task.kind] ?? 0) + 1;
  return { total: openTasks.length, byKind };
}
