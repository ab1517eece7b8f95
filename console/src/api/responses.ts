/**
 * What the API answers, as its use cases declare it (type-only imports: nothing of the server is
 * bundled). The OpenAPI document describes requests only, so these keep the answers honest the
 * same way: a changed answer breaks the console's build.
 */
export type { Worklist } from '../../../functions/use-cases/worklist/worklist';
export type { DebtorView } from '../../../functions/use-cases/queries/debtor-view';
export type { TimelinePage } from '../../../functions/use-cases/accounts/debtor-timeline';
export type { TimelineEntry } from '../../../functions/use-cases/timelines/timeline-view';
export type { TaskWithDetails } from '../../../functions/use-cases/worklist/task-details';

/** GET /policies: the segments a filter may name. */
export interface PolicyList {
  policies: { id: string; name?: string }[];
}
