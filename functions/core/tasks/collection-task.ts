import type { DunningSlot } from '../dunning/dunning-slot';

export type TaskKind =
  /** The call step of the dunning: the workflow waits for its outcome. */
  | 'call'
  /** A letter could not be delivered (bounce, no email address): a controller must reach the debtor. */
  | 'unreachable_by_email'
  /** A claim lapses soon (limitation period). */
  | 'limitation_warning';

export type CallOutcome = 'no_answer' | 'reached' | 'wrong_contact';

/** A piece of work for a credit controller, on the prioritised daily list. */
export interface CollectionTask {
  id: string;
  kind: TaskKind;
  status: 'open' | 'closed';
  invoiceId: string;
  debtorId: string;
  /** Calendar date the task should be done by. */
  dueDate: string;
  /** Higher is more urgent: amount, days overdue, broken promises. */
  priority: number;
  summary: string;
  /** The workflow step this task belongs to, if any. */
  slot?: DunningSlot;
  /** Step Functions task token the outcome is sent to (call tasks only). Never shown in the API. */
  taskToken?: string;
  execution?: string;
  assignee?: string;
  outcome?: { result: CallOutcome | 'done'; note?: string; by: string; at: string };
}
